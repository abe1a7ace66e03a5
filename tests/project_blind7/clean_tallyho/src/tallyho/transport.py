from __future__ import annotations

import os
import socket
import sys

from .platform import HAS_FORK

try:
    from . import _posix
except ImportError:  # Windows
    _posix = None


class UDPTransport:
    def __init__(self, host: str = "127.0.0.1", port: int = 8125, *, nonblocking: bool = True) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._sock = socket.socket(family, socket.SOCK_DGRAM)
        self._sock.connect((host, port))
        if nonblocking:
            if _posix is not None:
                _posix.set_nonblocking(self._sock.fileno())
            else:
                self._sock.setblocking(False)

    def send(self, data: bytes) -> bool:
        try:
            self._sock.send(data)
        except (BlockingIOError, ConnectionRefusedError):
            return False
        return True

    def send_fast(self, data: bytes) -> int:
        """Skip the socket object; measurably faster for tiny datagrams on Linux."""
        if HAS_FORK and _posix is not None:
            return _posix.write_datagram(self._sock.fileno(), data)
        return self._sock.send(data)

    def close(self) -> None:
        self._sock.close()


class MeteredSocket(socket.socket):
    """A socket that counts the bytes it sends."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sent_bytes = 0

    def send_metric(self, line: bytes) -> int:
        n = self.send(line)
        self.sent_bytes += n
        return n

    def send_metric_fd(self, line: bytes) -> int:
        if sys.platform != "win32":
            n = os.write(self.fileno(), line)
        else:
            n = self.send(line)
        self.sent_bytes += n
        return n
