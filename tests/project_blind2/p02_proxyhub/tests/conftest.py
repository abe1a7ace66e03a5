import os
import socket

import pytest


@pytest.fixture
def listener():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()


@pytest.fixture
def accepted(listener):
    client = socket.create_connection(listener.getsockname())
    conn, _addr = listener.accept()
    yield conn
    conn.close()
    client.close()


@pytest.fixture
def pipe_pair():
    r, w = os.pipe()
    yield r, w
    for fd in (r, w):
        try:
            os.close(fd)
        except OSError:
            pass
