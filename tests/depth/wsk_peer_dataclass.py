"""Gossip membership: peers, their connections and liveness probes."""
from __future__ import annotations

import logging
import msvcrt
import os
import socket
import time
from dataclasses import dataclass, field
from typing import Optional, Protocol

log = logging.getLogger("gossip.peers")


@dataclass
class Peer:
    node_id: str
    addr: tuple
    sock: socket.socket
    last_seen: float = field(default_factory=time.monotonic)


class HasSocket(Protocol):
    """Anything that exposes its live connection as ``sock``."""

    sock: socket.socket


class HasHandle(Protocol):
    handle: int


class Channel:
    """A lazily connected channel to a peer's gossip port."""

    def __init__(self, addr):
        self.addr = addr
        self._s = socket.create_connection(addr, timeout=2.0)
        self.opened_at = time.monotonic()

    def fileno(self):
        return self._s.fileno()

    def send(self, data):
        self._s.sendall(data)

    def close(self):
        self._s.close()


def read_probe(p: Peer) -> bytes:
    """Read the 4-byte probe answer."""
    return os.read(p.sock.fileno(), 4)  # error: WSK201


def send_probe(p: Peer) -> None:
    p.sock.sendall(b"PING")
    p.last_seen = time.monotonic()


def crt_descriptor(conn: HasSocket) -> int:
    """Old logging shim wanted a CRT-level handle."""
    return msvcrt.get_osfhandle(conn.sock.fileno())  # error: WSK204


def crt_descriptor_for(obj: HasHandle) -> int:
    # ``handle`` is a C runtime descriptor here, not a socket.
    return msvcrt.get_osfhandle(obj.handle)


def retire(chan: Channel) -> None:
    log.info("retiring channel to %s", chan.addr)
    os.close(chan.fileno())  # error: WSK205


class Membership:
    def __init__(self, self_id: str):
        self.self_id = self_id
        self.peers: dict[str, Peer] = {}

    def join(self, node_id: str, addr: tuple) -> Peer:
        sock = socket.create_connection(addr, timeout=2.0)
        peer = Peer(node_id=node_id, addr=addr, sock=sock)
        self.peers[node_id] = peer
        return peer

    def lookup(self, node_id: str) -> Optional[Peer]:
        return self.peers.get(node_id)

    def probe_all(self) -> list:
        dead = []
        for node_id, peer in list(self.peers.items()):
            try:
                send_probe(peer)
                if read_probe(peer) != b"PONG":
                    dead.append(node_id)
            except OSError:
                dead.append(node_id)
        for node_id in dead:
            self.peers.pop(node_id).sock.close()
        return dead
