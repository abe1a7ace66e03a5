"""Small descriptor utilities used across the test-suite."""

from __future__ import annotations

import os


def close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def read_exactly(fd: int, n: int) -> bytes:
    out = bytearray()
    while len(out) < n:
        chunk = os.read(fd, n - len(out))
        if not chunk:
            break
        out += chunk
    return bytes(out)
