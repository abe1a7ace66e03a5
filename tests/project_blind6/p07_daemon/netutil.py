"""Listening socket as a context manager."""

from __future__ import annotations

import socket


class Listening:
    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        self.addr = (host, port)
        self.sock = None

    def __enter__(self):
        self.sock = socket.create_server(self.addr)
        return self.sock

    def __exit__(self, *exc) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
