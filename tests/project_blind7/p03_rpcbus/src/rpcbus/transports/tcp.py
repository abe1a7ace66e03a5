from __future__ import annotations

import socket

from ..codec import HEADER_SIZE, decode_header
from .base import Transport

__all__ = ["TcpTransport", "open_tcp"]


def open_tcp(host: str, port: int, timeout: float | None = None) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


class TcpTransport(Transport):
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def send_frame(self, frame: bytes) -> None:
        self._sock.sendall(frame)

    def recv_frame(self) -> bytes:
        header = self._recv_exact(HEADER_SIZE)
        return header + self._recv_exact(decode_header(header))

    def _recv_exact(self, n: int) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            chunk = self._sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("peer closed the connection")
            buf += chunk
        return bytes(buf)

    def fileno(self) -> int:
        return self._sock.fileno()

    def close(self) -> None:
        self._sock.close()
