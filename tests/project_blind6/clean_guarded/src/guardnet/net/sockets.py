from __future__ import annotations

import socket


def connect(addr: tuple[str, int]):
    return socket.create_connection(addr)


class Conn:
    def __init__(self, addr: tuple[str, int]) -> None:
        self.sock = socket.create_connection(addr)

    @property
    def fd(self) -> int:
        return self.sock.fileno()
