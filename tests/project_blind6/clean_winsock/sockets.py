"""Socket factories shared by the service and its workers."""

from __future__ import annotations

import socket


def listen(port: int = 0):
    return socket.create_server(("127.0.0.1", port))


def dial(addr: tuple[str, int]):
    return socket.create_connection(addr)


class Peer:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    @classmethod
    def accept_from(cls, listener: socket.socket) -> "Peer":
        conn, _ = listener.accept()
        return cls(conn)

    @property
    def handle(self) -> int:
        return self.sock.fileno()
