import socket

import pytest


@pytest.fixture
def server():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()
