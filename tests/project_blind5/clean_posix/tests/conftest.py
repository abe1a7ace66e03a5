import socket

import pytest


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def listener():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()
