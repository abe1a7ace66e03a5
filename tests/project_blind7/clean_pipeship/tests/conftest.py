import socket

import pytest

from pipeship import TcpShipper


@pytest.fixture
def sock_pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def collector():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()


@pytest.fixture
def shipper(collector):
    s = TcpShipper(*collector.getsockname()[:2], timeout=5)
    yield s
    s.close()
