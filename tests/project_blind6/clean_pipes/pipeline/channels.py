"""Pipe factories.  Attribute names follow the old socket-based API."""

from __future__ import annotations

import os


def open_pipe() -> tuple[int, int]:
    r, w = os.pipe()
    os.set_inheritable(r, False)
    return r, w


class PipeEnd:
    def __init__(self, fd: int) -> None:
        self.sock = fd  # historical name: this was a socket before 2.0

    @classmethod
    def pair(cls) -> tuple["PipeEnd", "PipeEnd"]:
        r, w = os.pipe()
        return cls(r), cls(w)

    @property
    def handle(self) -> int:
        return self.sock

    def fileno(self) -> int:
        return self.sock

    def close(self) -> None:
        os.close(self.sock)
