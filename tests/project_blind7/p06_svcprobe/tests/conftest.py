import socket

import pytest

from svcprobe import EchoServer


@pytest.fixture
def echo_server():
    with EchoServer() as srv:
        yield srv


@pytest.fixture
def echo_client(echo_server):
    sock = socket.create_connection(echo_server.address, timeout=5)
    yield sock
    sock.close()
