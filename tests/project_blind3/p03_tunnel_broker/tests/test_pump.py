import io
import os
import sys
import threading

import pytest

from broker.listener import pump


def test_raw_write_reaches_peer(client, accepted):
    os.write(client.fileno(), b"ping")  # error: WSK201
    assert accepted.recv(4) == b"ping"


def test_send_reaches_peer(client, accepted):
    client.sendall(b"ping")
    assert accepted.recv(4) == b"ping"


def test_nonblocking_flag(any_socket):
    os.set_blocking(any_socket.fileno(), False)  # error: WSK205
    assert not any_socket.getblocking()


def test_setblocking_method(any_socket):
    any_socket.setblocking(False)
    assert not any_socket.getblocking()


def test_reader_by_name(request, client):
    conn = request.getfixturevalue("accepted")
    client.sendall(b"hello\n")
    with io.open(conn.fileno(), "rb", closefd=False) as reader:  # error: WSK203
        assert reader.readline() == b"hello\n"


@pytest.mark.skipif(sys.platform == "win32", reason="socket descriptors are CRT fds only on POSIX")
def test_dup_descriptor(client, accepted):
    fd = os.dup(client.fileno())
    try:
        os.write(fd, b"x")
        assert accepted.recv(1) == b"x"
    finally:
        os.close(fd)


def test_pump_copies(client, accepted):
    import socket

    left, right = socket.socketpair()
    t = threading.Thread(target=pump, args=(accepted, left))
    t.start()
    client.sendall(b"abc")
    client.shutdown(socket.SHUT_WR)
    out = right.recv(3)
    t.join(timeout=2)
    assert out == b"abc"
    left.close()
    right.close()
