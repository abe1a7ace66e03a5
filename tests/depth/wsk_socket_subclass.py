"""Socket plumbing for the scatter/gather log aggregator.

``TracedSocket`` adds byte counters; workers adopt listening sockets that
the supervisor shares with them.
"""
from __future__ import annotations

import ctypes
import logging
import os
import socket
from typing import List, Optional

log = logging.getLogger("aggr.sockets")


class TracedSocket(socket.socket):
    """A socket that counts what goes through it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sent = 0
        self.received = 0

    def send_vectored(self, parts):
        n = os.writev(self.fileno(), parts)  # error: WSK201
        self.sent += n
        return n

    def recv_vectored(self, buffers):
        n = os.readv(self.fileno(), buffers)  # error: WSK201
        self.received += n
        return n

    def send(self, data, flags=0):
        n = super().send(data, flags)
        self.sent += n
        return n


def adopt_shared(blob: bytes) -> socket.socket:
    listener = socket.fromshare(blob)
    os.set_inheritable(listener.fileno(), False)  # error: WSK205
    return listener


def adopt_descriptor(fd: int):
    s = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
    log.debug("adopted %r", s.getsockname())
    return os.get_inheritable(s.fileno())  # error: WSK205


def wakeup_pair():
    rsock, wsock = socket.socketpair()
    rsock.setblocking(False)
    os.set_blocking(wsock.fileno(), False)  # error: WSK205
    return rsock, wsock


def inherit_flags(obj) -> bool:
    if isinstance(obj, socket.socket):
        return os.get_inheritable(obj.fileno())  # error: WSK205
    return os.get_handle_inheritable(obj)


class Shard:
    def __init__(self, upstream: Optional[socket.socket] = None, backups: "List[socket.socket]" = ()):
        self.upstream = upstream
        self.backups = list(backups)
        self.spare: socket.socket | None = None

    def write_at(self, data: bytes, offset: int) -> int:
        if self.upstream is None:
            return 0
        return os.pwrite(self.upstream.fileno(), data, offset)  # error: WSK201

    def peek_backup(self, index: int) -> bytes:
        return os.pread(self.backups[index].fileno(), 64, 0)  # error: WSK201

    def crt_of_spare(self) -> int:
        if self.spare is None:
            raise LookupError("no spare")
        return ctypes.cdll.msvcrt._get_osfhandle(self.spare.fileno())  # error: WSK204

    def clone_upstream(self) -> Optional[socket.socket]:
        return self.upstream.dup() if self.upstream is not None else None


def make_traced(host: str, port: int) -> TracedSocket:
    s = TracedSocket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    return s


def rotate(shard: Shard) -> None:
    old = shard.clone_upstream()
    if old is not None:
        os.close(old.fileno())  # error: WSK205
