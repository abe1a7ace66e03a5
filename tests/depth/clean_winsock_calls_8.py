"""Socket handoff done right, for the ``keel`` worker manager on Windows.

Every call here is one the Winsock documentation allows on a socket handle.
"""
from __future__ import annotations

import multiprocessing
import os
import select
import socket
import subprocess

import _overlapped
import pywintypes
import win32file


def share_to_worker(listener: socket.socket, pid: int) -> bytes:
    return listener.share(pid)


def adopt(blob: bytes) -> socket.socket:
    return socket.fromshare(blob)


def clone(conn: socket.socket) -> socket.socket:
    return conn.dup()


def as_stream(conn: socket.socket):
    return conn.makefile("rwb", buffering=0)


def no_inherit(sock: socket.socket) -> bool:
    os.set_handle_inheritable(sock.fileno(), False)
    return os.get_handle_inheritable(sock.fileno())


def rewrap(sock: socket.socket) -> socket.socket:
    family, kind = sock.family, sock.type
    h = sock.detach()
    return socket.socket(family, kind, fileno=h)


def fromfd_copy(sock: socket.socket) -> socket.socket:
    return socket.fromfd(sock.fileno(), sock.family, sock.type)


def pywin32_io(sock: socket.socket, data: bytes) -> bytes:
    ov = pywintypes.OVERLAPPED()
    win32file.WSASend(sock, data, ov)
    buf = win32file.AllocateReadBuffer(4096)
    win32file.WSARecv(sock, buf, ov)
    n = win32file.GetOverlappedResult(sock.fileno(), ov, True)
    win32file.CancelIo(sock.fileno())
    return bytes(buf[:n])


def overlapped_io(sock: socket.socket, iocp) -> None:
    _overlapped.CreateIoCompletionPort(sock.fileno(), iocp, 0, 0)
    send_ov = _overlapped.Overlapped(0)
    send_ov.WSASend(sock.fileno(), b"hello", 0)
    recv_ov = _overlapped.Overlapped(0)
    recv_ov.WSARecv(sock.fileno(), 4096, 0)


def wait_readable(socks: list[socket.socket], timeout: float) -> list[socket.socket]:
    readable, _, _ = select.select(socks, [], [], timeout)
    return readable


def relay_to_child(conn: socket.socket, argv: list[str]) -> int:
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    while chunk := conn.recv(65536):
        proc.stdin.write(chunk)
    proc.stdin.close()
    for line in proc.stdout:
        conn.sendall(line)
    return proc.wait()


def _worker(listener: socket.socket) -> None:
    conn, _ = listener.accept()
    with conn:
        conn.sendall(b"hi\n")


def spawn_with_socket(listener: socket.socket) -> multiprocessing.Process:
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=_worker, args=(listener,))
    p.start()
    return p


def main() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    no_inherit(listener)
    p = spawn_with_socket(listener)
    with socket.create_connection(listener.getsockname()) as c:
        stream = as_stream(c)
        print(stream.readline())
    p.join()
