import socket

import pytest


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def left(pair):
    return pair[0]


@pytest.fixture
def right(pair):
    return pair[1]
