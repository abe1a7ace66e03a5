import os
import socket

import pytest

from pipeship import forward


@pytest.mark.parametrize("payload", [b"a", b"line\n" * 100])
def test_ship(shipper, collector, payload):
    conn, _ = collector.accept()
    with conn:
        assert shipper.ship(payload) == len(payload)
        got = b""
        while len(got) < len(payload):
            got += conn.recv(65536)
        assert got == payload


def test_forward_to_socket(sock_pair):
    a, b = sock_pair
    forward(b"hi", a)
    assert b.recv(2) == b"hi"


def test_forward_to_pipe():
    r, w = os.pipe()
    try:
        forward(b"hi", w)
        assert os.read(r, 2) == b"hi"
    finally:
        os.close(r)
        os.close(w)


def test_clone_is_a_socket(shipper):
    clone = shipper.clone()
    try:
        assert isinstance(clone, socket.socket)
        assert clone.fileno() != shipper.sock.fileno()
    finally:
        clone.close()


def test_writable(shipper):
    assert shipper.writable(timeout=1.0)
