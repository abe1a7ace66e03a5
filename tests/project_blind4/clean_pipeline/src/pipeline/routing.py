"""Write to whatever a step was configured with: a socket or a descriptor."""
from __future__ import annotations

import os
import socket
from typing import Protocol


class HasFd(Protocol):
    fd: int


def write_any(target, data: bytes) -> None:
    if isinstance(target, socket.socket):
        target.sendall(data)
        return
    view = memoryview(data)
    while view:
        view = view[os.write(target, view):]


def close_any(target) -> None:
    if isinstance(target, socket.socket):
        target.close()
    else:
        os.close(target)


def drain(src: HasFd, chunk: int = 65536) -> bytes:
    parts = []
    while block := os.read(src.fd, chunk):
        parts.append(block)
    return b"".join(parts)
