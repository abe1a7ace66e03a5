"""Listening sockets and the process-wide control socket."""

from __future__ import annotations

import socket

CONTROL_ADDR = ("127.0.0.1", 9999)

_control = None


def make_listener(port: int, host: str = "0.0.0.0"):
    srv = socket.create_server((host, port), reuse_port=False)
    srv.setblocking(False)
    return srv


def control_socket():
    """Lazily created UDP socket shared by the whole process."""
    global _control
    if _control is None:
        _control = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        _control.connect(CONTROL_ADDR)
    return _control
