import os
import socket

import pytest


@pytest.fixture
def sock():
    """Historical name: the write end of a pipe standing in for the log socket."""
    read_fd, write_fd = os.pipe()
    yield write_fd
    os.close(write_fd)
    os.close(read_fd)


@pytest.fixture
def peer_pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()
