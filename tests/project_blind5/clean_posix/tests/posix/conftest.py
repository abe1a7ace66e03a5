import os
import sys

import pytest


@pytest.fixture
def nonblocking_pair(pair):
    a, b = pair
    if sys.platform != "win32":
        os.set_blocking(a.fileno(), False)
    else:
        a.setblocking(False)
    yield a, b
