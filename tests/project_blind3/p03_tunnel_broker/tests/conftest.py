import socket

import pytest

from broker.listener import open_listener


@pytest.fixture
def listener():
    srv = open_listener()
    yield srv
    srv.close()


@pytest.fixture
def client(listener):
    c = socket.create_connection(listener.getsockname(), timeout=2)
    yield c
    c.close()


@pytest.fixture
def accepted(listener, client):
    conn, _addr = listener.accept()
    yield conn
    conn.close()


@pytest.fixture(params=[socket.SOCK_STREAM, socket.SOCK_DGRAM], ids=["tcp", "udp"])
def any_socket(request):
    s = socket.socket(socket.AF_INET, request.param)
    yield s
    s.close()
