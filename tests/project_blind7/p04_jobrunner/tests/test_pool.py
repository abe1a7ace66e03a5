import os
import sys

import pytest

from jobrunner import Job


def test_pool_address(pool):
    host, port = pool.address
    assert host == "127.0.0.1" and port > 0


@pytest.mark.skipif(sys.platform == "win32", reason="descriptor inheritance is POSIX-only")
def test_listener_can_be_inherited(listener):
    os.set_inheritable(listener.fileno(), True)
    assert os.get_inheritable(listener.fileno())


def test_connected_pair_roundtrip(connected_pair):
    client, server = connected_pair
    client.sendall(b"ping")
    assert server.recv(4) == b"ping"


@pytest.mark.parametrize("argv", [("echo", "hi"), ("python", "-c", "pass")])
def test_job_describe(argv):
    assert Job("x", argv).describe().startswith("x: ")
