import os

import pytest


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_child_closes_listener(listener):
    pid = os.fork()
    if pid == 0:
        os.close(listener.fileno())
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert status == 0


def test_nonblocking(nonblocking_pair):
    a, b = nonblocking_pair
    assert not a.getblocking()
