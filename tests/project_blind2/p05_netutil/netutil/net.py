from __future__ import annotations

import socket


def connect(host, port, *, timeout=5.0, source=None):
    sock = socket.create_connection((host, port), timeout=timeout, source_address=source)
    sock.setblocking(True)
    return sock
