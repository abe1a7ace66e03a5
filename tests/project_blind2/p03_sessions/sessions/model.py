from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import NamedTuple


class Accepted(NamedTuple):
    conn: socket.socket
    addr: tuple[str, int]


@dataclass
class Session:
    sock: socket.socket
    peer: str
    created: float = 0.0
    tags: list[str] = field(default_factory=list)


@dataclass
class PipeSession:
    """A client that came in over a named pipe; ``sock`` is the pipe HANDLE from CreateNamedPipe."""

    sock: int
    name: str
