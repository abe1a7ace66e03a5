import pytest

import sockets


@pytest.fixture
def listener():
    s = sockets.listen()
    yield s
    s.close()
