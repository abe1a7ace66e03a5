"""Session types for the `minirpc` transport layer.

The transport keeps one of these objects per peer.  The hot path objects use
__slots__; the Windows fast path writes frames with kernel32 directly.
"""
from __future__ import annotations

import ctypes
import functools
import os
import socket
import struct
import sys
from typing import NamedTuple

if sys.platform == "win32":
    import msvcrt

FRAME = struct.Struct("!I")


class _Kernel32IO:
    """Thin kernel32 wrapper shared by all sessions (Windows only)."""

    lib = ctypes.WinDLL("kernel32", use_last_error=True) if sys.platform == "win32" else None
    # (read, write) entry points, indexed by the direction constants below
    entry = (lib.ReadFile, lib.WriteFile) if lib is not None else ()
    READ, WRITE = 0, 1

    @classmethod
    def write(cls, handle: int, payload: bytes) -> int:
        done = ctypes.c_ulong()
        ok = cls.entry[cls.WRITE](ctypes.c_void_p(handle), payload, len(payload), ctypes.byref(done), None)  # error: WSK102
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return done.value


class Link:
    __slots__ = ("sock", "peer", "seq")

    def __init__(self, sock: socket.socket, peer: str) -> None:
        self.sock = sock
        self.peer = peer
        self.seq = 0

    def os_handle(self) -> int:
        """OS handle of the link, for the sandboxed worker's command line."""
        if sys.platform == "win32":
            return msvcrt.get_osfhandle(self.sock.fileno())  # error: WSK204
        return self.sock.fileno()


class FastSession:
    def __init__(self, host: str, port: int) -> None:
        self._addr = (host, port)

    @functools.cached_property
    def sock(self) -> socket.socket:
        return socket.create_connection(self._addr)

    @functools.cached_property
    def handle(self) -> int:
        return self.sock.fileno()

    def send_frame(self, body: bytes) -> None:
        _Kernel32IO.write(self.handle, FRAME.pack(len(body)) + body)


class _SocketAttr:
    """Descriptor that keeps the socket under a private name."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = "_" + name

    def __get__(self, obj: object, objtype: type | None = None) -> socket.socket:
        return getattr(obj, self._slot)

    def __set__(self, obj: object, value: socket.socket) -> None:
        setattr(obj, self._slot, value)


class MirroredSession:
    sock = _SocketAttr()

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def mirror_fd(self) -> int:
        return os.dup(self.sock.fileno())  # error: WSK202


class Beacon:
    def __init__(self, sock) -> None:
        self._sock = sock

    @classmethod
    def multicast(cls, group: str, port: int) -> "Beacon":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)
        s.connect((group, port))
        return cls(s)

    @staticmethod
    def _raw(s: socket.socket) -> int:
        return s.fileno()

    def emit(self, payload: bytes) -> int:
        return os.write(self._raw(self._sock), payload)  # error: WSK201


class Peer(NamedTuple):
    sock: socket.socket
    addr: tuple[str, int]
    retries: int = 0


def retire(peer: Peer, max_retries: int = 3) -> Peer | None:
    peer = peer._replace(retries=peer.retries + 1)
    if peer.retries < max_retries:
        return peer
    os.close(peer.sock.fileno())  # error: WSK205
    return None
