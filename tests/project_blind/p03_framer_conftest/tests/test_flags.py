import os

import pytest


def test_listener_not_inherited(listener):
    assert not os.get_inheritable(listener.fileno())  # error: WSK205


@pytest.mark.skipif(os.name == "nt", reason="descriptor flags are POSIX-only")
def test_nonblocking_flag(left):
    os.set_blocking(left.fileno(), False)
    assert not os.get_blocking(left.fileno())


def test_socket_methods(left, right):
    left.setblocking(False)
    assert left.getblocking() is False
    assert right.get_inheritable() is False
