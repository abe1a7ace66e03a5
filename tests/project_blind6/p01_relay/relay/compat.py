"""Descriptor helpers shared with the POSIX-only tooling."""

from __future__ import annotations

import os


def write_handle(fd: int, data: bytes) -> int:
    """Write all of *data* to descriptor *fd*."""
    view = memoryview(data)
    total = 0
    while total < len(view):
        total += os.write(fd, view[total:])
    return total


def read_handle(fd: int, size: int) -> bytes:
    return os.read(fd, size)
