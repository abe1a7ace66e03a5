import os

import pytest

from rpcbus import RemoteError
from rpcbus.platform import HAS_FORK


@pytest.mark.parametrize("a,b,expected", [(1, 2, 3), (-1, 1, 0), (2**40, 1, 2**40 + 1)])
def test_add(client, a, b, expected):
    assert client.call("add", a, b) == expected


def test_echo(client):
    assert client.call("echo", "x", [1, 2]) == ["x", [1, 2]]


def test_unknown_method(client):
    with pytest.raises(RemoteError) as info:
        client.call("nope")
    assert info.value.code == -32601


@pytest.mark.skipif(not HAS_FORK, reason="prefork needs descriptor inheritance")
def test_prefork_marks_listener_inheritable(server):
    procs = server.serve_prefork(0)
    assert procs == []
    assert os.get_inheritable(server.listener.fileno())
