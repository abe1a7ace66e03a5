"""Book-keeping for live connections."""

from __future__ import annotations

import socket
import time


def describe(conn: socket.socket) -> dict:
    return {
        "sock": conn,
        "fd": conn.fileno(),
        "peer": conn.getpeername(),
        "since": time.monotonic(),
    }
