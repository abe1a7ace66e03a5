"""Sockets from shared.py used only with Winsock-aware calls."""
import multiprocessing
import os
import select
import socket

import _overlapped
import pywintypes
import win32file

from shared import connect, listen


def _serve(srv: socket.socket) -> None:
    conn, _ = srv.accept()
    conn.sendall(b"hi")
    conn.close()


def overlapped_recv(port: int):
    srv = listen(port)
    conn, _ = srv.accept()
    ov = _overlapped.Overlapped(None)
    ov.WSARecv(conn.fileno(), 4096, 0)
    return ov


def pywin32_roundtrip(address: tuple[str, int], data: bytes) -> None:
    s = connect(address)
    ov = pywintypes.OVERLAPPED()
    win32file.WSASend(s, data, ov, 0)
    buf = win32file.AllocateReadBuffer(4096)
    win32file.WSARecv(s, buf, ov, 0)


def share_with(pid: int, port: int) -> bytes:
    srv = listen(port)
    return srv.share(pid)


def adopt(data: bytes) -> socket.socket:
    return socket.fromshare(data)


def inheritable(port: int) -> socket.socket:
    srv = listen(port)
    os.set_handle_inheritable(srv.fileno(), True)
    return srv


def wait_readable(s: socket.socket, timeout: float = 1.0) -> bool:
    readable, _, _ = select.select([s], [], [], timeout)
    return bool(readable)


def rewrap(port: int) -> socket.socket:
    srv = listen(port)
    return socket.socket(fileno=srv.detach())


def to_worker(port: int) -> multiprocessing.Process:
    srv = listen(port)
    p = multiprocessing.Process(target=_serve, args=(srv,))
    p.start()
    return p


def dup_local(port: int) -> socket.socket:
    return listen(port).dup()


def stream(address: tuple[str, int]):
    return connect(address).makefile("rwb")


def completion_port(port: int):
    srv = listen(port)
    return win32file.CreateIoCompletionPort(srv.fileno(), None, 0, 0)
