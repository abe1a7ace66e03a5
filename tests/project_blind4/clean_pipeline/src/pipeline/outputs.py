"""Output template: subclasses give the descriptor, the base class writes."""
from __future__ import annotations

import os


class Output:
    def _raw_fd(self):
        raise NotImplementedError

    def emit(self, data: bytes) -> None:
        fd = self._raw_fd()
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    def emit_line(self, text: str) -> None:
        self.emit(text.encode("utf-8") + b"\n")

    def sync(self) -> None:
        os.fsync(self._raw_fd())

    def close(self) -> None:
        os.close(self._raw_fd())
