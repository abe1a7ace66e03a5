import pytest


@pytest.fixture
def sock(pipe_pair):
    """Named like the old fixture; it is the read end of a pipe."""
    r, _w = pipe_pair
    return r


@pytest.fixture
def writer(pipe_pair):
    return pipe_pair[1]
