"""Typed channel objects for the plugin host.

Plugins receive a ``Channel``; the host creates them from fresh connections or
from sockets shared by the broker process (``socket.share``/``fromshare``).
"""
import functools
import logging
import msvcrt
import os
import socket
from typing import Callable, Optional, ParamSpec, Protocol, TypeVar

import win32file

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class SupportsFileno(Protocol):
    def fileno(self) -> int: ...


def logged(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        log.debug("-> %s", func.__qualname__)
        try:
            return func(*args, **kwargs)
        finally:
            log.debug("<- %s", func.__qualname__)

    return wrapper


def describe(obj: SupportsFileno) -> str:
    return f"{type(obj).__name__}(fd={obj.fileno()})"


class TracedSocket(socket.socket):
    """socket.socket that counts bytes for the plugin quota."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bytes_out = 0

    def raw_write(self, data: bytes) -> int:
        n = os.write(self.fileno(), data)  # error: WSK201
        self.bytes_out += n
        return n


class Channel:
    __slots__ = ("_sock", "name")

    def __init__(self, sock: Optional[socket.socket] = None, name: str = "") -> None:
        self._sock = sock
        self.name = name

    @classmethod
    def connect(cls, host: str, port: int) -> "Channel":
        return cls(socket.create_connection((host, port)), name=f"{host}:{port}")

    @classmethod
    def from_share(cls, blob: bytes, name: str = "shared") -> "Channel":
        return cls(socket.fromshare(blob), name=name)

    @staticmethod
    def _handle_of(s: socket.socket) -> int:
        return s.fileno()

    def share_with(self, pid: int) -> bytes:
        # the correct way to give a socket to another process
        return self._sock.share(pid)

    def crt_descriptor(self) -> int:
        """For plugins written against the C runtime's read()/write()."""
        return msvcrt.open_osfhandle(Channel._handle_of(self._sock), os.O_RDWR)  # error: WSK204

    def close(self) -> None:
        if self._sock is not None:
            os.close(self._sock.fileno())  # error: WSK205
            self._sock = None


@logged
def send_raw(sock: socket.socket, data: bytes) -> int:
    _rc, written = win32file.WriteFile(sock.fileno(), data, None)  # error: WSK102
    return written
