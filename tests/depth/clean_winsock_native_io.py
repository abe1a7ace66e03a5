"""Windows-native socket plumbing for the `relayd` service.

Everything that touches a socket handle here goes through Winsock: the
overlapped paths use WSASend/WSARecv/AcceptEx, hand-off to worker processes
uses WSADuplicateSocket (socket.share), and handles are only ever turned
back into socket objects.
"""
from __future__ import annotations

import _overlapped
import _winapi
import ctypes
import os
import select
import selectors
import socket

import pywintypes
import win32file

ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)


def overlapped_echo(conn: socket.socket, iocp) -> None:
    win32file.CreateIoCompletionPort(conn.fileno(), iocp, 0, 0)
    buf = win32file.AllocateReadBuffer(4096)
    ov = pywintypes.OVERLAPPED()
    win32file.WSARecv(conn, buf, ov, 0)
    _rc, n, _key, _ov = win32file.GetQueuedCompletionStatus(iocp, 5000)
    win32file.WSASend(conn, buf[:n], pywintypes.OVERLAPPED(), 0)
    win32file.GetOverlappedResult(conn.fileno(), ov, True)


def accept_ex(listener: socket.socket) -> socket.socket:
    accepted = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ov = pywintypes.OVERLAPPED()
    buf = win32file.AllocateReadBuffer(win32file.CalculateSocketEndPointSize(listener))
    win32file.AcceptEx(listener, accepted, buf, ov)
    win32file.GetOverlappedResult(listener.fileno(), ov, True)
    return accepted


def send_file(conn: socket.socket, path: str) -> None:
    handle = win32file.CreateFile(path, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None)
    try:
        ov = pywintypes.OVERLAPPED()
        win32file.TransmitFile(conn, handle, 0, 0, ov, 0)
        win32file.GetOverlappedResult(conn.fileno(), ov, True)
        _hr, tail = win32file.ReadFile(handle, 16)
    finally:
        handle.Close()


def proactor_recv(conn: socket.socket, size: int = 4096) -> bytes:
    ov = _overlapped.Overlapped(0)
    ov.WSARecv(conn.fileno(), size, 0)
    return ov.getresult(True)


def proactor_send(conn: socket.socket, data: bytes) -> int:
    ov = _overlapped.Overlapped(0)
    ov.WSASend(conn.fileno(), data, 0)
    return ov.getresult(True)


def hand_off(conn: socket.socket, worker_pid: int) -> bytes:
    os.set_handle_inheritable(conn.fileno(), False)
    return conn.share(worker_pid)


def adopt(blob: bytes) -> socket.socket:
    return socket.fromshare(blob)


def clone(conn: socket.socket) -> tuple[socket.socket, socket.socket]:
    twin = conn.dup()
    also = socket.fromfd(conn.fileno(), conn.family, conn.type)
    return twin, also


def reattach(conn: socket.socket) -> socket.socket:
    handle = conn.detach()
    return socket.socket(fileno=handle)


def raw_send(conn: socket.socket, data: bytes) -> int:
    return ws2_32.send(ctypes.c_void_p(conn.fileno()), data, len(data), 0)


def text_session(conn: socket.socket) -> str:
    with conn.makefile("rw", encoding="utf-8", newline="\r\n") as f:
        f.write("HELLO\r\n")
        f.flush()
        return f.readline()


def wait_any(conns: list[socket.socket], timeout: float) -> list[socket.socket]:
    readable, _, _ = select.select(conns, [], [], timeout)
    sel = selectors.DefaultSelector()
    for c in conns:
        sel.register(c, selectors.EVENT_READ)
    ready = [key.fileobj for key, _ in sel.select(0)]
    sel.close()
    return list(readable) + ready  # type: ignore[operator]


def duplicate_process_handle(pid: int) -> int:
    proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, pid)
    me = _winapi.GetCurrentProcess()
    return _winapi.DuplicateHandle(me, proc, me, 0, False, _winapi.DUPLICATE_SAME_ACCESS)


def main() -> None:
    listener = socket.create_server(("0.0.0.0", 9100))
    conn, _ = listener.accept()
    conn.sendall(b"relayd\r\n")
    print(conn.recv(64), text_session(conn), raw_send(conn, b"."))
    twin, also = clone(conn)
    twin.send(b"twin\r\n")
    also.close()
    conn = reattach(conn)
    conn.close()
