import pytest

import fastwire

from shared import listen


@pytest.fixture
def remote():
    conn = fastwire.connect("localhost:7000")
    yield conn
    conn.close()


@pytest.fixture
def server():
    srv = listen(0)
    yield srv
    srv.close()
