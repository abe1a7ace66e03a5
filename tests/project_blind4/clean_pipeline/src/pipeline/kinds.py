"""Concrete outputs and the enum the config file names them by."""
from __future__ import annotations

import enum
import os

from .outputs import Output


class FileOutput(Output):
    def __init__(self, path: str) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def _raw_fd(self):
        return self._fd


class PipeOutput(Output):
    """Write end of a pipe; the read end goes to a consumer process."""

    def __init__(self) -> None:
        self.read_fd, self._write_fd = os.pipe()

    def _raw_fd(self):
        return self._write_fd

    def sync(self) -> None:
        """Pipes cannot be fsynced."""


def _file(target: str) -> Output:
    return FileOutput(target)


def _pipe(target: str) -> Output:
    return PipeOutput()


class OutputKind(enum.Enum):
    FILE = "file"
    PIPE = "pipe"

    def create(self, target: str = ""):
        return _FACTORIES[self](target)


_FACTORIES = {OutputKind.FILE: _file, OutputKind.PIPE: _pipe}
