"""Connected stream endpoints."""

from __future__ import annotations

from .base import Endpoint


class StreamEndpoint(Endpoint):
    def __init__(self, host: str, port: int) -> None:
        super().__init__()
        self.addr = (host, port)

    def open(self) -> "StreamEndpoint":
        self.sock.connect(self.addr)
        return self

    def send_all(self, data: bytes) -> None:
        self.sock.sendall(data)
