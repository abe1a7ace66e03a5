"""PJL INFO STATUS polling."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

import _winapi

from ...net.dial import dial

if TYPE_CHECKING:
    import socket

PJL_STATUS = b"\x1b%-12345X@PJL INFO STATUS\r\n\x1b%-12345X"


def poll_status(host):
    s = dial(host, timeout=3.0)
    try:
        s.sendall(PJL_STATUS)
        data, _err = _winapi.ReadFile(s.fileno(), 4096, overlapped=False)  # error: WSK101
        return data.decode("latin-1")
    finally:
        s.close()


def drain(conn: socket.socket, limit: int = 65536) -> bytes:
    buf = bytearray()
    while len(buf) < limit:
        chunk = os.read(conn.fileno(), 4096)  # error: WSK201
        if not chunk:
            break
        buf += chunk
    return bytes(buf)


def poll_status_drained(host):
    s = dial(host, timeout=3.0)
    with s:
        s.sendall(PJL_STATUS)
        return drain(s).decode("latin-1")
