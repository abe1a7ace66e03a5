"""Low-level helpers shared by the worker and the journal writer."""
import os


def write_handle(fd: int, data: bytes) -> int:
    """Write all of ``data`` to the descriptor ``fd``."""
    view = memoryview(data)
    total = 0
    while total < len(view):
        total += os.write(fd, view[total:])
    return total


def open_journal(path: str) -> int:
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
