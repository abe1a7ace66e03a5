"""Connections: a context manager, a dialer, listeners and a simple pool."""

import os
import socket
from contextlib import contextmanager


@contextmanager
def connection(addr, timeout=5.0):
    """A connection that is closed when the block ends."""
    s = socket.create_connection(addr, timeout=timeout)
    try:
        yield s
    finally:
        s.close()


class Dialer:
    def __init__(self, timeout=5.0, source=None):
        self.timeout = timeout
        self.source = source

    @classmethod
    def default(cls):
        return cls(timeout=float(os.environ.get("POOL_TIMEOUT", "5")))

    def open(self, addr):
        return socket.create_connection(addr, timeout=self.timeout, source_address=self.source)


class Listener:
    def __init__(self, sock):
        self.sock = sock

    @classmethod
    def bind(cls, port, host=""):
        return cls(socket.create_server((host, port)))

    @staticmethod
    def ephemeral() -> socket.socket:
        return socket.create_server(("127.0.0.1", 0))


class Pool:
    def __init__(self, addr, size=4):
        self.addr = addr
        self.size = size
        self._idle: list[socket.socket] = []

    def get(self) -> socket.socket:
        if self._idle:
            return self._idle.pop()
        return socket.create_connection(self.addr)

    def put(self, s: socket.socket) -> None:
        if len(self._idle) < self.size:
            self._idle.append(s)
        else:
            s.close()
