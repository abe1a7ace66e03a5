"""Connection policy on top of relay.factory."""

from __future__ import annotations

import socket

from .factory import make_socket

DEFAULT_PORT = 7070


def connect(host: str, port: int = DEFAULT_PORT, *, nodelay: bool = True):
    conn = make_socket(host, port)
    if nodelay:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn.settimeout(None)
    return conn
