from __future__ import annotations

import os

from .mixins import LoggingMixin, ReplayMixin, SocketMixin


class TelemetryClient(LoggingMixin, SocketMixin):
    def push(self, payload: bytes) -> None:
        self.debug("push %d bytes", len(payload))
        os.write(self.sock.fileno(), payload)  # error: WSK201

    def push_ok(self, payload: bytes) -> None:
        self.sock.sendall(payload)


class ReplayClient(LoggingMixin, ReplayMixin):
    def peek(self, n: int = 16) -> bytes:
        return os.read(self.sock.fileno(), n)

    def size(self) -> int:
        return os.fstat(self.sock.fileno()).st_size
