"""Helpers that accept either a socket or a plain descriptor."""

from __future__ import annotations

import os
import socket


def write_any(target, data: bytes) -> None:
    if isinstance(target, socket.socket):
        target.sendall(data)
        return
    os.write(target, data)


def close_any(obj) -> None:
    if isinstance(obj, socket.socket):
        obj.close()
    else:
        os.close(obj.fileno() if hasattr(obj, "fileno") else obj)


def read_any(obj, size: int) -> bytes:
    if not isinstance(obj, socket.socket):
        return os.read(obj.fileno(), size)
    return obj.recv(size)
