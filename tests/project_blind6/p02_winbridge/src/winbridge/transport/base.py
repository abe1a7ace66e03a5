"""Root of the endpoint hierarchy: owns the OS socket."""

from __future__ import annotations

import socket


class Endpoint:
    def __init__(self, family: int = socket.AF_INET, kind: int = socket.SOCK_STREAM) -> None:
        self.sock = socket.socket(family, kind)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    @property
    def handle(self) -> int:
        """The OS-level handle, for APIs that want a number."""
        return self.sock.fileno()

    def close(self) -> None:
        self.sock.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} fd={self.sock.fileno()}>"
