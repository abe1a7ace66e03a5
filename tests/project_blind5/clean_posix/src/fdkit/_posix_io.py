"""Descriptor helpers that only exist on POSIX systems."""
import os
import sys

if sys.platform == "win32":
    raise ImportError("fdkit._posix_io is POSIX only")


def write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def set_nonblocking(fd: int) -> None:
    os.set_blocking(fd, False)
