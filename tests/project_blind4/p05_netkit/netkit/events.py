"""Events emitted by the connection manager."""
from __future__ import annotations

import socket
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Connected:
    sock: socket.socket
    peer: tuple[str, int]


@dataclass(frozen=True, slots=True)
class Received:
    peer: tuple[str, int]
    data: bytes


@dataclass(frozen=True, slots=True)
class Closed:
    peer: tuple[str, int]
    reason: str = ""
