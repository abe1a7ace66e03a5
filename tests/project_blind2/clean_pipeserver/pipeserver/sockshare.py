"""Real sockets, handled only with Winsock-aware calls."""
from __future__ import annotations

import multiprocessing
import os
import select
import socket

import _overlapped
import pywintypes
import win32file


def share_with(sock: socket.socket, pid: int) -> bytes:
    return sock.share(pid)


def adopt(blob: bytes) -> socket.socket:
    return socket.fromshare(blob)


def worker(conn: socket.socket) -> None:
    with conn, conn.makefile("rb") as rfile:
        for line in rfile:
            conn.sendall(line.upper())


def serve(host: str, port: int) -> None:
    srv = socket.create_server((host, port))
    conn, _ = srv.accept()
    os.set_handle_inheritable(conn.fileno(), False)
    conn.set_inheritable(False)
    conn.setblocking(False)
    spare = conn.dup()
    readable, _, _ = select.select([conn], [], [], 1.0)
    ov = pywintypes.OVERLAPPED()
    win32file.WSASend(conn, b"hello", ov)
    port_handle = win32file.CreateIoCompletionPort(conn.fileno(), None, 0, 0)
    ov2 = _overlapped.Overlapped(0)
    ov2.WSARecv(conn.fileno(), 4096, 0)
    p = multiprocessing.Process(target=worker, args=(spare,))
    p.start()
    blob = share_with(conn, p.pid)
    again = adopt(blob)
    again.close()
    clone = socket.socket(fileno=conn.detach())
    clone.close()
    win32file.CloseHandle(port_handle)
