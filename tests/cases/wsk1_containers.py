"""Fan-out relay for the metrics agent: one upstream feed, many TCP subscribers.

The Windows port kept the Win32 file calls of the named-pipe version for the
socket lists it now holds.
"""
import os
import select
import socket
import ssl
from collections.abc import Iterable, Sequence
from typing import List, Optional

import win32file

PORT = 9100


def open_backends(hosts: Sequence[str]) -> list:
    return [socket.create_connection((host, PORT)) for host in hosts]


def broadcast(subscribers: List[socket.socket], payload: bytes) -> None:
    for sub in subscribers:
        win32file.WriteFile(sub.fileno(), payload)  # error: WSK102


def broadcast_tls(subscribers: "Optional[Iterable[ssl.SSLSocket]]", payload: bytes) -> None:
    for sub in subscribers or ():
        sub.sendall(payload)
    handles = [sub.fileno() for sub in subscribers]
    for h in handles:
        win32file.WriteFile(h, payload)  # error: WSK102


def drain(peers: tuple[socket.socket, ...]) -> list[bytes]:
    readable, _, _ = select.select(peers, [], [], 1.0)
    chunks = []
    for peer in readable:
        _, chunk = win32file.ReadFile(peer.fileno(), 4096)  # error: WSK101
        chunks.append(chunk)
    return chunks


def warm_pool(n: int) -> None:
    pool = [socket.socket() for _ in range(n)]
    for conn in pool:
        conn.connect(("127.0.0.1", PORT))
    os.write(pool[0].fileno(), b"HELLO\n")  # error: WSK201
    for conn in sorted(pool, key=id):
        os.set_blocking(conn.fileno(), False)  # error: WSK205


def pair_up() -> None:
    left, right = socket.socketpair()
    pair = [left, right]
    for end in pair:
        os.close(end.fileno())  # error: WSK205


class Hub:
    def __init__(self, listener: socket.socket) -> None:
        self.listener = listener
        self.clients: list[socket.socket] = []

    def accept(self) -> None:
        conn, _ = self.listener.accept()
        self.clients.append(conn)

    def pump(self, data: bytes) -> None:
        ready = select.select([self.listener], self.clients, [], 0)[1]
        for client in ready:
            win32file.WriteFile(client.fileno(), data)  # error: WSK102

    def pump_fixed(self, data: bytes) -> None:
        for client in self.clients:
            client.sendall(data)
