import os

import pytest

from svcprobe import LineClient

from .util import fd_reader, recv_exact


@pytest.mark.parametrize("payload", [b"x", b"hello world", b"\x00" * 1024])
def test_echo_roundtrip(echo_client, payload):
    echo_client.sendall(payload)
    assert recv_exact(echo_client, len(payload)) == payload


def test_echo_raw_descriptor(echo_client):
    # The service's C client reads the socket descriptor directly; make sure
    # the echo arrives in one piece that way too.
    echo_client.sendall(b"abc")
    assert os.read(echo_client.fileno(), 3) == b"abc"  # error: WSK201


def test_line_reader(echo_client):
    echo_client.sendall(b"one\ntwo\n")
    reader = fd_reader(echo_client.fileno())  # error: WSK203
    assert reader.readline() == b"one\n"
    assert reader.readline() == b"two\n"


def test_line_client(echo_server):
    client = LineClient(echo_server.address)
    try:
        assert client.request(b"ping") == b"ping\n"
    finally:
        client.close()
