import socket
import sys

import pytest

from portfwd import Forwarder


def _recv_exact(sock, n):
    out = b""
    while len(out) < n:
        chunk = sock.recv(n - len(out))
        if not chunk:
            break
        out += chunk
    return out


@pytest.mark.parametrize("size", [1, 1000, 200_000])
def test_roundtrip(forwarder, size):
    payload = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    with socket.create_connection(forwarder.server_address, timeout=5) as c:
        c.sendall(payload)
        assert _recv_exact(c, len(payload)) == payload


def test_two_clients(forwarder):
    a = socket.create_connection(forwarder.server_address, timeout=5)
    b = socket.create_connection(forwarder.server_address, timeout=5)
    with a, b:
        a.sendall(b"from-a")
        b.sendall(b"from-b")
        assert _recv_exact(a, 6) == b"from-a"
        assert _recv_exact(b, 6) == b"from-b"


@pytest.mark.skipif(sys.platform != "win32", reason="exclusive bind is Windows-only")
def test_port_is_exclusive(forwarder, echo_upstream):
    with pytest.raises(OSError):
        Forwarder(forwarder.server_address, echo_upstream.getsockname()[:2])
