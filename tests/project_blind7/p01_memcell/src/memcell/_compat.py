"""Small portability helpers shared by the connection code and the CLI."""
from __future__ import annotations

import os
import sys
import time

WINDOWS = sys.platform == "win32"
PY312 = sys.version_info >= (3, 12)

if WINDOWS:
    # time.monotonic() ticks at 15.6 ms on older Windows builds.
    monotonic = time.perf_counter
else:
    monotonic = time.monotonic


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of *data* to the descriptor *fd*.

    ``os.write`` may write fewer bytes than asked for on pipes and ttys,
    so loop until the buffer is empty.
    """
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def set_nonblocking(fd: int) -> None:
    """Put the descriptor *fd* in non-blocking mode."""
    os.set_blocking(fd, False)


def ensure_bytes(value, encoding: str = "utf-8") -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode(encoding)
    if isinstance(value, int):
        return str(value).encode("ascii")
    raise TypeError(f"cannot store {type(value).__name__!r} values")
