from __future__ import annotations

import contextlib
import socket


def open_listener(address=("127.0.0.1", 0), backlog: int = 64) -> socket.socket:
    return socket.create_server(address, backlog=backlog)


@contextlib.contextmanager
def accepted(listener: socket.socket):
    """Accept one connection; close it when the block ends."""
    conn, _addr = listener.accept()
    try:
        yield conn
    finally:
        conn.close()
