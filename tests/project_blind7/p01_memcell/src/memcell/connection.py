"""One TCP connection to one memcached server."""
from __future__ import annotations

import socket

from ._compat import monotonic, write_all
from .protocol import ProtocolError

DEFAULT_PORT = 11211

#: Payloads at least this large skip the socket object's send loop.
LARGE_VALUE = 256 * 1024


class Connection:
    """A buffered connection; not thread-safe."""

    def __init__(self, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                 timeout: float | None = 5.0) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._buf = bytearray()
        self.last_used = monotonic()

    def __repr__(self) -> str:
        return f"<Connection {self.host}:{self.port}>"

    def send(self, payload: bytes) -> None:
        self.last_used = monotonic()
        if len(payload) >= LARGE_VALUE:
            # Large values go straight to the descriptor: sendall() on a
            # socket with a timeout re-enters the poll loop for every chunk.
            write_all(self.sock.fileno(), payload)  # error: WSK201
            return
        self.sock.sendall(payload)

    def readline(self) -> bytes:
        while True:
            idx = self._buf.find(b"\r\n")
            if idx >= 0:
                line = bytes(self._buf[:idx])
                del self._buf[: idx + 2]
                return line
            self._fill()

    def read_exact(self, n: int) -> bytes:
        while len(self._buf) < n:
            self._fill()
        data = bytes(self._buf[:n])
        del self._buf[:n]
        return data

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ProtocolError("connection closed by server")
        self._buf += chunk

    def close(self) -> None:
        try:
            self.sock.close()
        finally:
            self._buf.clear()


def connect(host: str = "127.0.0.1", port: int = DEFAULT_PORT,
            timeout: float | None = 5.0) -> Connection:
    """Open a :class:`Connection`."""
    return Connection(host, port, timeout)
