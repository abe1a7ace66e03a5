"""Byte forwarding between a session and local descriptors."""
from __future__ import annotations

import os

from ..types import HasSocket


def forward_bytes(src: HasSocket, data: bytes) -> int:
    return os.write(src.sock.fileno(), data)  # error: WSK201


def descriptor_for_child(conn: HasSocket) -> int:
    """A private copy for the helper process started by the updater."""
    return os.dup(conn.sock.fileno())  # error: WSK202


def pump_file(path: str, conn: HasSocket, chunk: int = 65536) -> int:
    sent = 0
    with open(path, "rb") as f:
        while block := f.read(chunk):
            conn.sock.sendall(block)
            sent += len(block)
    return sent
