"""Connection bookkeeping for the metrics fan-out.

Upstreams are kept in a dataclass pool, accepted peers in NamedTuple records,
and forward routes in plain namedtuples built from config.
"""
import collections
import msvcrt
import os
import socket
from dataclasses import dataclass, field
from typing import NamedTuple

Route = collections.namedtuple("Route", "label sock weight")


class Peer(NamedTuple):
    sock: socket.socket
    addr: tuple
    tag: str = ""


@dataclass
class Pool:
    address: tuple[str, int]
    members: list[socket.socket] = field(default_factory=list)
    spare: socket.socket = field(default_factory=socket.socket)
    max_size: int = 8

    def grow(self) -> None:
        while len(self.members) < self.max_size:
            self.members.append(socket.create_connection(self.address))

    def drain(self) -> None:
        for member in self.members:
            os.close(member.fileno())  # error: WSK205
        self.members.clear()

    def snapshot_spare(self) -> int:
        return os.dup(self.spare.fileno())  # error: WSK202


def read_peer(peer: Peer, sink: bytearray) -> int:
    total = 0
    while chunk := os.read(peer.sock.fileno(), 4096):  # error: WSK201
        sink += chunk
        total += len(chunk)
    return total


def accept_peers(listener: socket.socket, limit: int) -> list[Peer]:
    peers = []
    for _ in range(limit):
        conn, addr = listener.accept()
        peers.append(Peer(conn, addr, tag=f"peer-{addr[1]}"))
    return peers


def build_routes(targets: dict[str, tuple[str, int]]) -> list[Route]:
    return [
        Route(label=name, sock=socket.create_connection(addr), weight=1)
        for name, addr in sorted(targets.items())
    ]


def open_route_streams(targets: dict[str, tuple[str, int]]) -> dict[str, object]:
    streams = {}
    for route in build_routes(targets):
        streams[route.label] = os.fdopen(route.sock.fileno(), "wb", buffering=0)  # error: WSK203
    return streams


def crt_descriptors(addresses: list[tuple[str, int]]) -> list[int]:
    """The legacy C extension wants CRT descriptors for its poll loop."""
    conns = [socket.create_connection(a) for a in addresses]
    handles = [c.fileno() for c in conns]
    return [msvcrt.open_osfhandle(h, os.O_RDWR) for h in handles]  # error: WSK204
