import socket

import pytest


@pytest.fixture
def listener():
    sock = socket.create_server(("127.0.0.1", 0))
    yield sock
    sock.close()


@pytest.fixture
def capture_path(tmp_path):
    return tmp_path / "capture.bin"
