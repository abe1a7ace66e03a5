"""Socket construction for the kit."""

from __future__ import annotations

import socket


def dial(addr: tuple[str, int], timeout: float | None = None):
    s = socket.create_connection(addr, timeout=timeout)
    s.setblocking(True)
    return s


class Connection:
    def __init__(self, sock):
        self._sock = sock

    @classmethod
    def open(cls, addr: tuple[str, int]) -> "Connection":
        return cls(socket.create_connection(addr))

    def fileno(self) -> int:
        return self._sock.fileno()

    def close(self) -> None:
        self._sock.close()
