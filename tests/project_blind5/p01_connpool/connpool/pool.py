"""Connection pool: hands out connected TCP sockets and takes them back."""
from __future__ import annotations

import socket
import threading
from collections import deque


class ConnectionPool:
    def __init__(self, address: tuple[str, int], size: int = 4, timeout: float = 5.0) -> None:
        self.address = address
        self.size = size
        self.timeout = timeout
        self._idle: deque[socket.socket] = deque()
        self._lock = threading.Lock()
        self._created = 0

    def _open(self) -> socket.socket:
        sock = socket.create_connection(self.address, timeout=self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._created += 1
        return sock

    def acquire(self) -> socket.socket:
        with self._lock:
            if self._idle:
                return self._idle.popleft()
        return self._open()

    def release(self, sock: socket.socket) -> None:
        with self._lock:
            if len(self._idle) < self.size:
                self._idle.append(sock)
                return
        sock.close()

    def close(self) -> None:
        with self._lock:
            while self._idle:
                self._idle.popleft().close()

    @property
    def created(self) -> int:
        return self._created


# Module-level singleton used by the worker and the monitor.
default_pool = ConnectionPool(("127.0.0.1", 6379))
