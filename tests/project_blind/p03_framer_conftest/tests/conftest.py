"""Shared fixtures: real loopback sockets for the framing tests."""

import socket

import pytest


@pytest.fixture
def pair():
    """A connected pair of stream sockets."""
    a, b = socket.socketpair()
    a.settimeout(5.0)
    b.settimeout(5.0)
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def left(pair):
    return pair[0]


@pytest.fixture
def right(pair):
    return pair[1]


@pytest.fixture
def listener():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()


@pytest.fixture
def client(listener):
    c = socket.create_connection(listener.getsockname()[:2], timeout=5.0)
    yield c
    c.close()


@pytest.fixture(name="peer")
def accepted_peer(listener, client):
    """The server side of ``client``."""
    conn, _ = listener.accept()
    conn.settimeout(5.0)
    yield conn
    conn.close()
