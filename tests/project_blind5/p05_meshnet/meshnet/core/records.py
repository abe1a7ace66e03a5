"""Plain records passed between the factory and the services."""
import socket
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass
class Endpoint:
    sock: socket.socket
    address: tuple[str, int]
    tags: list[str] = field(default_factory=list)


class Peer(NamedTuple):
    name: str
    fd: int
