import os
import socket

import pytest


@pytest.fixture
def sock():
    """The write end of a pipe (the name is historical)."""
    r, w = os.pipe()
    yield w
    os.close(w)
    os.close(r)


@pytest.fixture
def server_sock():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()
