"""A thin object wrapper for code that prefers methods over functions."""

from __future__ import annotations

import socket


class Channel:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self.closed = False

    @classmethod
    def dial(cls, host: str, port: int) -> "Channel":
        return cls(socket.create_connection((host, port)))

    @property
    def handle(self) -> int:
        return self._sock.fileno()

    def send(self, data: bytes) -> None:
        self._sock.sendall(data)

    def close(self) -> None:
        if not self.closed:
            self._sock.close()
            self.closed = True
