"""Fan-out hub for the ``chorus`` live-reload server.

Browsers connect over plain TCP; every file change is pushed to all of them.
"""
from __future__ import annotations

import functools
import logging
import os
import socket
import time

log = logging.getLogger("chorus.hub")


class Hub:
    def __init__(self, port: int) -> None:
        self.listener = socket.create_server(("127.0.0.1", port))
        self.listener.settimeout(0.2)
        self.peers = []
        self.last_seen = {}

    def accept_pending(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except socket.timeout:
            return
        self.peers.append(conn)
        self.last_seen[conn] = time.monotonic()

    def broadcast(self, payload: bytes) -> None:
        header = len(payload).to_bytes(4, "big")
        for fd in map(lambda s: s.fileno(), self.peers):
            os.writev(fd, [header, payload])  # error: WSK201

    def drop_stale(self, max_idle: float = 30.0) -> int:
        now = time.monotonic()
        stale = list(filter(lambda s: now - self.last_seen.get(s, 0.0) > max_idle, self.peers))
        for s in stale:
            self.peers.remove(s)
            self.last_seen.pop(s, None)
            s.close()
        return len(stale)

    def promote_oldest(self):
        first, *rest = sorted(self.peers, key=lambda s: self.last_seen.get(s, 0.0))
        os.set_inheritable(first.fileno(), True)  # error: WSK205
        return first, rest

    def backlog_bytes(self) -> int:
        return functools.reduce(lambda acc, s: acc + os.fstat(s.fileno()).st_size, self.peers, 0)  # error: WSK205

    def primary_writer(self, prefer_latest: bool):
        conn = self.peers[-1] if prefer_latest else self.peers[0]
        return lambda data: os.write(conn.fileno(), data)  # error: WSK201

    def ping_all(self) -> None:
        for s in list(self.peers):
            try:
                s.sendall(b"\x00\x00\x00\x00")
            except OSError:
                self.peers.remove(s)


def run(port: int = 35729, interval: float = 1.0) -> None:
    hub = Hub(port)
    while True:
        hub.accept_pending()
        hub.drop_stale()
        hub.ping_all()
        time.sleep(interval)
