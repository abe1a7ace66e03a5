import os

import pytest

import server


@pytest.fixture
def listener():
    s = server.make_listener()
    yield s
    s.close()


@pytest.fixture
def pipe():
    r, w = os.pipe()
    yield r, w
    for fd in (r, w):
        try:
            os.close(fd)
        except OSError:
            pass
