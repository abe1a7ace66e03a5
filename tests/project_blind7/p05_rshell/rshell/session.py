from __future__ import annotations

import dataclasses
import socket
from typing import NamedTuple


@dataclasses.dataclass
class Session:
    sock: socket.socket
    peer: tuple
    user: str | None = None

    def send_line(self, text: str) -> None:
        self.sock.sendall(text.encode("utf-8") + b"\n")

    def close(self) -> None:
        self.sock.close()


class Endpoint(NamedTuple):
    """A snapshot of a connection, for logs and bookkeeping."""

    handle: int
    peer: tuple
    family: int


def endpoint_of(sock: socket.socket) -> Endpoint:
    return Endpoint(sock.fileno(), sock.getpeername()[:2], sock.family)
