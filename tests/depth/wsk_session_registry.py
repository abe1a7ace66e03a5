"""Session registry for the chat relay.

Sessions are indexed by numeric id and by descriptor so the select loop can
map readiness back to a session quickly.
"""
from __future__ import annotations

import logging
import os
import select
import socket
from typing import Dict, List, Optional

log = logging.getLogger("relay.sessions")


class Registry:
    def __init__(self) -> None:
        self.by_id: Dict[int, socket.socket] = {}
        self.by_fd: Dict[int, int] = {}
        self.names: Dict[int, str] = {}
        self._next_id = 1

    def add(self, conn: socket.socket, name: str) -> int:
        sid = self._next_id
        self._next_id += 1
        self.by_id[sid] = conn
        self.by_fd[conn.fileno()] = sid
        self.names[sid] = name
        return sid

    def session_for_fd(self, fd: int) -> Optional[int]:
        return self.by_fd.get(fd)

    def broadcast(self, text: str) -> None:
        data = text.encode("utf-8")
        for sid, conn in self.by_id.items():
            os.write(conn.fileno(), data)  # error: WSK201

    def kick(self, sid: int) -> None:
        conn = self.by_id.get(sid)
        if conn is not None:
            os.close(conn.fileno())  # error: WSK205
            self.forget(sid)

    def forget(self, sid: int) -> None:
        conn = self.by_id.pop(sid, None)
        if conn is None:
            return
        self.by_fd.pop(conn.fileno(), None)
        self.names.pop(sid, None)

    def sockets(self) -> List[socket.socket]:
        return list(self.by_id.values())


class FdFanout:
    """Older broadcaster that kept only the descriptors of connections."""

    def __init__(self) -> None:
        self.fds: Dict[int, str] = {}

    def track(self, conn: socket.socket, name: str) -> None:
        self.fds[conn.fileno()] = name

    def announce(self, text: str) -> None:
        for fd in self.fds:
            os.write(fd, text.encode())  # error: WSK201


def pump(registry: Registry, timeout: float = 0.5) -> None:
    """One turn of the select loop: lookups by fileno() only, I/O via recv()."""
    ready, _, _ = select.select(registry.sockets(), [], [], timeout)
    for conn in ready:
        sid = registry.session_for_fd(conn.fileno())
        if sid is None:
            continue
        data = conn.recv(4096)
        if not data:
            registry.forget(sid)
            conn.close()
            continue
        name = registry.names.get(sid, "?")
        for other in registry.by_id.values():
            if other is not conn:
                other.sendall(name.encode() + b": " + data)


def drain_all(registry: Registry) -> int:
    total = 0
    for conn in registry.by_id.values():
        conn.setblocking(False)
        try:
            total += len(os.read(conn.fileno(), 65536))  # error: WSK201
        except BlockingIOError:
            pass
    return total
