"""Process-wide table of connected peers, keyed by "host:port"."""
from __future__ import annotations

import socket
import threading

_lock = threading.Lock()
PEERS: dict[str, socket.socket] = {}


def register(name: str, sock: socket.socket) -> None:
    with _lock:
        PEERS[name] = sock


def lookup(name: str):
    with _lock:
        return PEERS[name]


def names() -> list[str]:
    with _lock:
        return sorted(PEERS)


def accept_forever(host: str, port: int) -> None:
    srv = socket.create_server((host, port), reuse_port=False)
    while True:
        conn, addr = srv.accept()
        register(f"{addr[0]}:{addr[1]}", conn)
