import socket

import pytest

from relay import Relay, open_client


@pytest.fixture
def listener():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()


@pytest.fixture
def client(listener):
    c = open_client(listener.getsockname())
    yield c
    c.close()


@pytest.fixture
def relay_obj(listener):
    r = Relay(listener.getsockname())
    yield r
    r.upstream.close()
