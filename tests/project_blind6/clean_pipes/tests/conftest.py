import os

import pytest

from pipeline import open_channel


@pytest.fixture
def pipe_pair():
    r, w = open_channel()
    yield r, w
    for fd in (r, w):
        try:
            os.close(fd)
        except OSError:
            pass
