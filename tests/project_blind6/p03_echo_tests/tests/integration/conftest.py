import socket

import pytest

import server


@pytest.fixture
def client(listener):
    c = socket.create_connection(listener.getsockname())
    yield c
    c.close()


@pytest.fixture
def accepted(listener, client):
    conn, _ = server.accept_one(listener)
    yield conn
    conn.close()
