import os
import socket
import sys

import pytest

from memcell import Client
from memcell._compat import write_all


@pytest.mark.parametrize(
    "key,value",
    [("a", b"1"), ("unicode-\u00e9", "caf\u00e9"), ("big", b"x" * 300_000), ("n", 42)],
)
def test_set_get_roundtrip(client, key, value):
    assert client.set(key, value)
    expected = value if isinstance(value, bytes) else str(value).encode("utf-8")
    assert client.get(key) == expected


def test_miss_returns_none(client):
    assert client.get("missing") is None


def test_delete(client):
    client.set("gone", b"soon")
    assert client.delete("gone")
    assert not client.delete("gone")


@pytest.mark.parametrize("bad", ["", "has space", "x" * 251, "ctl\x01"])
def test_invalid_keys_rejected(client, bad):
    with pytest.raises(ValueError):
        client.set(bad, b"v")


def test_listener_survives_descriptor_clone(fake_server):
    # Regression test for #212: cloning the listening descriptor must not
    # stop the server from accepting.
    clone = os.dup(fake_server.fileno())  # error: WSK202
    socket.socket(fileno=clone).close()
    host, port = fake_server.getsockname()[:2]
    with Client(host, port, timeout=2.0) as mc:
        assert mc.set("still", b"here")


@pytest.mark.skipif(sys.platform == "win32", reason="socket handles are not CRT descriptors")
def test_nonblocking_flag(fake_server):
    host, port = fake_server.getsockname()[:2]
    with Client(host, port, nonblocking=True) as mc:
        assert os.get_blocking(mc.fileno()) is False


def test_write_all_on_pipe():
    r, w = os.pipe()
    try:
        write_all(w, b"abc" * 10)
        assert os.read(r, 30) == b"abc" * 10
    finally:
        os.close(r)
        os.close(w)
