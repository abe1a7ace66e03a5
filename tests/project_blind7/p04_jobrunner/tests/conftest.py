import socket

import pytest

from jobrunner import Pool
from jobrunner.net import open_listener


@pytest.fixture
def listener():
    sock = open_listener()
    yield sock
    sock.close()


@pytest.fixture
def connected_pair(listener):
    client = socket.create_connection(listener.getsockname()[:2], timeout=5)
    server, _ = listener.accept()
    yield client, server
    client.close()
    server.close()


@pytest.fixture
def pool():
    p = Pool(size=1)
    yield p
    p.close()
