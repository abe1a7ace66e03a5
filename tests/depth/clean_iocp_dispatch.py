"""Completion-port dispatcher shared by the file sync client's transports.

A transport is either a socket (remote peer) or a handle to a local file or
pipe. Sockets always go through Winsock; everything else through ReadFile
and WriteFile.
"""
import _overlapped
import logging
import socket
from typing import Union

import win32event
import win32file
import pywintypes

log = logging.getLogger("sync.iocp")

Endpoint = Union[socket.socket, int]
INFINITE = 0xFFFFFFFF


class Dispatcher:
    def __init__(self):
        self.port = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 0)
        self.keys = {}

    def register(self, ep: Endpoint) -> None:
        handle = ep.fileno() if isinstance(ep, socket.socket) else ep
        win32file.CreateIoCompletionPort(handle, self.port, handle, 0)
        self.keys[handle] = ep

    def read(self, ep: Endpoint, size: int):
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        buf = win32file.AllocateReadBuffer(size)
        if isinstance(ep, socket.socket):
            win32file.WSARecv(ep, buf, ov, 0)
        else:
            win32file.ReadFile(ep, buf, ov)
        return ov, buf

    def write(self, ep: Endpoint, data: bytes):
        ov = pywintypes.OVERLAPPED()
        if not isinstance(ep, socket.socket):
            win32file.WriteFile(ep, data, ov)
        else:
            win32file.WSASend(ep, data, ov, 0)
        return ov

    def wait(self, timeout_ms: int = INFINITE):
        rc, nbytes, key, ov = win32file.GetQueuedCompletionStatus(self.port, timeout_ms)
        return self.keys.get(key), nbytes, ov

    def cancel(self, ep: Endpoint) -> None:
        handle = ep.fileno() if isinstance(ep, socket.socket) else ep
        win32file.CancelIo(handle)


class LowLevelDispatcher:
    """Same idea on the stdlib's _overlapped module."""

    def __init__(self):
        self.iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, 0, 0, INFINITE)

    def recv(self, ep: Endpoint, nbytes: int):
        ov = _overlapped.Overlapped(0)
        if isinstance(ep, socket.socket):
            _overlapped.CreateIoCompletionPort(ep.fileno(), self.iocp, 0, 0)
            ov.WSARecv(ep.fileno(), nbytes, 0)
        else:
            ov.ReadFile(ep, nbytes)
        return ov

    def recv_into(self, ep: Endpoint, buf: bytearray):
        ov = _overlapped.Overlapped(0)
        if isinstance(ep, socket.socket):
            ov.WSARecvInto(ep.fileno(), buf, 0)
        else:
            ov.ReadFileInto(ep, buf)
        return ov

    def send(self, ep: Endpoint, data: bytes):
        ov = _overlapped.Overlapped(0)
        if isinstance(ep, socket.socket):
            ov.WSASend(ep.fileno(), data, 0)
            return ov
        ov.WriteFile(ep, data)
        return ov


def open_local(path: str) -> int:
    handle = win32file.CreateFile(
        path,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_ALWAYS,
        win32file.FILE_FLAG_OVERLAPPED,
        None,
    )
    return handle.Detach()


def connect_peer(host: str, port: int) -> socket.socket:
    s = socket.create_connection((host, port))
    s.setblocking(False)
    log.info("peer %s:%d connected", host, port)
    return s
