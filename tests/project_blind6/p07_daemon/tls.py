from __future__ import annotations

import socket
import ssl


def wrap_client(host: str, port: int = 443):
    raw = socket.create_connection((host, port))
    ctx = ssl.create_default_context()
    return ctx.wrap_socket(raw, server_hostname=host)
