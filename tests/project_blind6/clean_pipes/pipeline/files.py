"""Log sinks: regular files, sometimes reopened over an earlier socket name."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator


@contextlib.contextmanager
def log_file(path: str) -> Iterator[object]:
    sock = open(path, "ab")  # a file, despite the name
    try:
        yield sock
    finally:
        sock.close()


def rotated(paths: list[str]) -> Iterator[int]:
    for p in paths:
        fd = os.open(p, os.O_RDONLY)
        yield fd


def reopen_as_log(host: str, path: str) -> int:
    conn = socket.create_connection((host, 514))
    conn.sendall(b"<14>rotating\n")
    conn.close()
    conn = open(path, "ab")
    os.fsync(conn.fileno())
    return os.fstat(conn.fileno()).st_size
