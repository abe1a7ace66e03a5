"""Minimal IOCP proactor, modelled on asyncio.windows_events.

Connections may be sockets or pipe handles; each operation picks the
Winsock or file API by looking at the object's type.
"""
import socket

import _overlapped

NULL = 0
INFINITE = 0xFFFFFFFF


class Proactor:
    def __init__(self):
        self._iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, NULL, 0, 1)
        self._registered = set()

    def _register(self, obj):
        if obj not in self._registered:
            self._registered.add(obj)
            _overlapped.CreateIoCompletionPort(obj.fileno(), self._iocp, 0, 0)

    def recv(self, conn, nbytes, flags=0):
        self._register(conn)
        ov = _overlapped.Overlapped(NULL)
        if isinstance(conn, socket.socket):
            ov.WSARecv(conn.fileno(), nbytes, flags)
        else:
            ov.ReadFile(conn.fileno(), nbytes)
        return ov

    def recv_into(self, conn, buf, flags=0):
        self._register(conn)
        ov = _overlapped.Overlapped(NULL)
        if isinstance(conn, socket.socket):
            ov.WSARecvInto(conn.fileno(), buf, flags)
        else:
            ov.ReadFileInto(conn.fileno(), buf)
        return ov

    def send(self, conn, buf, flags=0):
        self._register(conn)
        ov = _overlapped.Overlapped(NULL)
        if not isinstance(conn, socket.socket):
            ov.WriteFile(conn.fileno(), buf)
            return ov
        ov.WSASend(conn.fileno(), buf, flags)
        return ov

    def accept(self, listener: socket.socket):
        self._register(listener)
        conn = socket.socket(listener.family)
        ov = _overlapped.Overlapped(NULL)
        ov.AcceptEx(listener.fileno(), conn.fileno())
        return conn, ov

    def poll(self, timeout_ms=INFINITE):
        status = _overlapped.GetQueuedCompletionStatus(self._iocp, timeout_ms)
        if status is None:
            return None
        err, transferred, key, address = status
        return transferred
