import socket

import pytest

import sockets


@pytest.fixture
def peer(listener):
    c = socket.create_connection(listener.getsockname())
    p = sockets.Peer.accept_from(listener)
    yield p
    p.sock.close()
    c.close()
