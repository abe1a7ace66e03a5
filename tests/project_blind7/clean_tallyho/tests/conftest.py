import socket

import pytest

from tallyho import StatsClient


@pytest.fixture
def udp_receiver():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(2)
    yield sock
    sock.close()


@pytest.fixture
def stats(udp_receiver):
    client = StatsClient(*udp_receiver.getsockname()[:2], prefix="test")
    yield client
    client.close()
