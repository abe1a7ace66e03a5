"""Where pipeline stages get their descriptors from: pipes, files, named pipes."""
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass

import _winapi


@dataclass
class Channel:
    read_fd: int
    write_fd: int
    label: str


def open_pipe() -> tuple[int, int]:
    r, w = os.pipe()
    return r, w


def pipe_channel(label: str) -> Channel:
    r, w = os.pipe()
    return Channel(read_fd=r, write_fd=w, label=label)


class PipeEnd:
    """Called ``sock`` for historical reasons: it has always been a file."""

    def __init__(self, path: str = os.devnull) -> None:
        self.sock = open(path, "wb")

    @property
    def handle(self) -> int:
        return self.sock.fileno()

    def close(self) -> None:
        self.sock.close()


def named_pipe(name: str):
    return _winapi.CreateNamedPipe(
        name,
        _winapi.PIPE_ACCESS_DUPLEX,
        _winapi.PIPE_TYPE_BYTE | _winapi.PIPE_READMODE_BYTE | _winapi.PIPE_WAIT,
        1,
        65536,
        65536,
        0,
        _winapi.NULL,
    )


@contextmanager
def temp_log():
    f = tempfile.TemporaryFile()
    try:
        yield f
    finally:
        f.close()


def chunks(path: str, size: int = 4096):
    with open(path, "rb") as f:
        while block := f.read(size):
            yield block
