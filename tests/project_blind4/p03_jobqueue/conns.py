"""Connection pool for the job broker."""
from __future__ import annotations

import socket
import threading


class ConnectionPool:
    """Keeps up to ``size`` idle broker connections around."""

    def __init__(self, address: tuple[str, int], size: int = 4, timeout: float = 5.0) -> None:
        self._address = address
        self._size = size
        self._timeout = timeout
        self._idle: list[socket.socket] = []
        self._lock = threading.Lock()

    def acquire(self):
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return socket.create_connection(self._address, timeout=self._timeout)

    def release(self, conn) -> None:
        with self._lock:
            if len(self._idle) < self._size:
                self._idle.append(conn)
                return
        conn.close()

    def close_all(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
