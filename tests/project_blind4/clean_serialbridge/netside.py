"""Lab-network side of the bridge, using Winsock calls only."""
from __future__ import annotations

import _overlapped
import os
import select
import selectors
import socket

import pywintypes
import win32event
import win32file


def make_private(sock: socket.socket) -> None:
    os.set_handle_inheritable(sock.fileno(), False)


def register_with_port(sock: socket.socket, iocp, key: int):
    return win32file.CreateIoCompletionPort(sock.fileno(), iocp, key, 0)


def send_overlapped(sock: socket.socket, data: bytes) -> int:
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    win32file.WSASend(sock, data, ov, 0)
    win32event.WaitForSingleObject(ov.hEvent, win32event.INFINITE)
    return win32file.GetOverlappedResult(sock.fileno(), ov, True)


def recv_overlapped(sock: socket.socket, size: int) -> bytes:
    ov = _overlapped.Overlapped()
    ov.WSARecv(sock.fileno(), size, 0)
    return ov.getresult(True)


def share_with(sock: socket.socket, pid: int) -> bytes:
    return sock.share(pid)


def adopt(handle: int) -> socket.socket:
    return socket.socket(fileno=handle)


def rewrap(conn: socket.socket) -> socket.socket:
    return socket.socket(conn.family, conn.type, conn.proto, fileno=conn.detach())


def wait_readable(socks: list[socket.socket], timeout: float) -> list[socket.socket]:
    readable, _, _ = select.select(socks, [], [], timeout)
    return readable


def watch(listener: socket.socket) -> selectors.BaseSelector:
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    return sel


def serve(port: int = 5020) -> None:
    listener = socket.create_server(("0.0.0.0", port))
    make_private(listener)
    while True:
        conn, _addr = listener.accept()
        with conn:
            conn.setblocking(True)
            data = conn.recv(4096)
            if data:
                send_overlapped(conn, data.upper())
