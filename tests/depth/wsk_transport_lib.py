"""sockutil -- helpers around :mod:`socket` shared by the ``relayd`` services.

The public API is listed in ``__all__``; underscore names are private and
may change without notice.
"""

from __future__ import annotations

import os
import socket
import stat
import sys
from typing import BinaryIO, Iterator, Optional

__all__ = [
    "RawSocket",
    "Connection",
    "set_cloexec",
    "clone",
    "fileobj",
    "recv_exact",
    "iter_chunks",
]

_WINDOWS = sys.platform == "win32"
_CHUNK = 64 * 1024


def set_cloexec(sock: socket.socket, flag: bool = True) -> None:
    """Control whether child processes inherit *sock*."""
    if _WINDOWS:
        os.set_handle_inheritable(sock.fileno(), not flag)
    else:
        os.set_inheritable(sock.fileno(), not flag)


def clone(sock: socket.socket) -> int:
    """Return a second descriptor for the connection behind *sock*."""
    return os.dup(sock.fileno())  # error: WSK202


def fileobj(obj: object, mode: str = "rb") -> BinaryIO:
    """Return an unbuffered binary file object for a socket, a descriptor or a file."""
    if isinstance(obj, socket.socket):
        return os.fdopen(obj.fileno(), mode, buffering=0, closefd=False)  # error: WSK203
    if isinstance(obj, int):
        return os.fdopen(obj, mode, buffering=0, closefd=False)
    return obj  # type: ignore[return-value]


def recv_exact(sock: socket.socket, n: int) -> bytes:
    """Read exactly *n* bytes or raise :class:`ConnectionError`."""
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:])
        if not k:
            raise ConnectionError("peer closed after %d of %d bytes" % (got, n))
        got += k
    return bytes(buf)


def iter_chunks(sock: socket.socket, size: int = _CHUNK) -> Iterator[bytes]:
    while True:
        data = sock.recv(size)
        if not data:
            return
        yield data


def _is_socket_fd(fd: int) -> bool:
    try:
        return stat.S_ISSOCK(os.fstat(fd).st_mode)
    except OSError:
        return False


class RawSocket(socket.socket):
    """A socket whose writes bypass Python's buffering (used by the splice path)."""

    def write_raw(self, data: bytes) -> int:
        return os.write(self.fileno(), data)  # error: WSK201

    def write_all(self, data: bytes) -> None:
        self.sendall(data)


class Connection:
    """Owns one socket and remembers who is on the other end."""

    def __init__(self, sock: Optional[socket.socket] = None, peer: tuple | None = None) -> None:
        self._sock = sock
        self.peer = peer

    @classmethod
    def open(cls, host: str, port: int, timeout: float | None = None) -> "Connection":
        return cls(socket.create_connection((host, port), timeout=timeout), (host, port))

    @classmethod
    def from_fd(cls, fd: int) -> "Connection":
        if not _is_socket_fd(fd):
            raise ValueError("descriptor %d is not a socket" % fd)
        return cls(socket.socket(fileno=fd))

    def send(self, data: bytes) -> None:
        self._require().sendall(data)

    def is_alive(self) -> bool:
        """Cheap liveness probe, kept from the Linux version."""
        if self._sock is None:
            return False
        try:
            mode = os.fstat(self._sock.fileno()).st_mode  # error: WSK205
        except OSError:
            return False
        return stat.S_ISSOCK(mode)

    def _require(self) -> socket.socket:
        if self._sock is None:
            raise RuntimeError("connection is closed")
        return self._sock

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
