"""Fixtures: pipes and temporary files, plus a couple of real sockets."""

import os
import socket

import pytest


@pytest.fixture
def sock():
    """Historically called ``sock``; it has been an os.pipe() since 0.1."""
    r, w = os.pipe()
    yield r, w
    for fd in (r, w):
        try:
            os.close(fd)
        except OSError:
            pass


@pytest.fixture
def conn(tmp_path):
    f = open(tmp_path / "conn.bin", "w+b")
    yield f
    f.close()


@pytest.fixture
def server():
    s = socket.create_server(("127.0.0.1", 0))
    yield s
    s.close()


@pytest.fixture
def client_sock():
    a, b = socket.socketpair()
    yield a
    a.close()
    b.close()
