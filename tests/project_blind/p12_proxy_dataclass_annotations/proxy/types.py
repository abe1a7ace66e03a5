"""Shared data types."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

Address = tuple[str, int]


@dataclass
class Peer:
    sock: socket.socket
    addr: Address
    bytes_in: int = 0
    bytes_out: int = 0
    tags: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"{self.addr[0]}:{self.addr[1]}"
