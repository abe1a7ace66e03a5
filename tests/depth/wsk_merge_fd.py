"""Generic stream utilities shared by the log shipper and the replay tool.

Callers pass either a socket or a raw descriptor (a pipe or file opened with
os.open); the helpers normalise to something they can read from.
"""
import logging
import os
import socket
from typing import Union

import win32file

log = logging.getLogger("shipper.streams")

Streamish = Union[socket.socket, int]


def read_some(s: Streamish, n: int = 4096) -> bytes:
    fd = s.fileno() if isinstance(s, socket.socket) else s
    return os.read(fd, n)  # error: WSK201


def write_all(target: Streamish, data: bytes) -> None:
    if isinstance(target, socket.socket):
        handle = target.fileno()
    else:
        handle = target
    view = memoryview(data)
    while view:
        n = os.write(handle, view)  # error: WSK201
        view = view[n:]


def read_correctly(s: Streamish, n: int = 4096) -> bytes:
    """The fixed version: sockets go through recv()."""
    if isinstance(s, socket.socket):
        return s.recv(n)
    return os.read(s, n)


def write_correctly(target: Streamish, data: bytes) -> None:
    if isinstance(target, socket.socket):
        target.sendall(data)
        return
    view = memoryview(data)
    while view:
        view = view[os.write(target, view):]


def overlapped_read(obj, overlapped, size=65536):
    """IOCP path: Winsock for sockets, ReadFile for pipe and file handles."""
    buf = win32file.AllocateReadBuffer(size)
    if isinstance(obj, socket.socket):
        return win32file.WSARecv(obj, buf, overlapped, 0)
    return win32file.ReadFile(obj, buf, overlapped)


def overlapped_write(obj, data, overlapped):
    if not isinstance(obj, socket.socket):
        return win32file.WriteFile(obj, data, overlapped)
    return win32file.WSASend(obj, data, overlapped, 0)


def close_any(s: Streamish) -> None:
    if isinstance(s, socket.socket):
        s.close()
    else:
        os.close(s)


def close_fast(s: Streamish) -> None:
    fd = s.fileno() if isinstance(s, socket.socket) else s
    log.debug("closing %d", fd)
    os.close(fd)  # error: WSK205


def copy(src: Streamish, dst: Streamish, chunk: int = 65536) -> int:
    total = 0
    while True:
        data = read_correctly(src, chunk)
        if not data:
            return total
        write_correctly(dst, data)
        total += len(data)
