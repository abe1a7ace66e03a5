"""Low-level socket construction, kept apart so tests can monkeypatch it."""

from __future__ import annotations

import socket

CONNECT_TIMEOUT = 5.0


def make_socket(host: str, port: int, timeout: float = CONNECT_TIMEOUT):
    """Open a TCP connection; the caller owns the result."""
    return socket.create_connection((host, port), timeout=timeout)
