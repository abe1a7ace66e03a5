"""Descriptor-level copy helpers (used for pipes and log files)."""
import os

__all__ = ["pump", "drain"]


def pump(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def drain(fd: int, size: int = 65536) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, size)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
