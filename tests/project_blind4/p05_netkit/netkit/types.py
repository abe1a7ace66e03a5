"""Structural types shared across netkit."""
from __future__ import annotations

import socket
from typing import Protocol


class HasSocket(Protocol):
    """Anything that carries a connected socket (sessions, tunnels, test doubles)."""

    sock: socket.socket

    def close(self) -> None: ...


class HasPeer(Protocol):
    peer: tuple[str, int]
