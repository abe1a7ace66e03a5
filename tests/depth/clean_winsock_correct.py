"""Windows connection handling done with Winsock calls throughout."""
from __future__ import annotations

import _overlapped
import contextlib
import ctypes
import multiprocessing
import os
import select
import selectors
import socket
import subprocess
from ctypes import wintypes

import pywintypes
import win32event
import win32file

ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)


class Conn:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    @property
    def handle(self) -> int:
        return self.sock.fileno()

    def read(self, n: int) -> bytes:
        return self.sock.recv(n)

    def write(self, data: bytes) -> None:
        self.sock.sendall(data)

    def as_file(self):
        return self.sock.makefile("rwb", buffering=0)

    def clone(self) -> socket.socket:
        return self.sock.dup()

    def inherit(self) -> None:
        self.sock.set_inheritable(True)
        os.set_handle_inheritable(self.handle, True)
        assert os.get_handle_inheritable(self.handle)

    def share_with(self, pid: int) -> bytes:
        return self.sock.share(pid)


def overlapped_io(conn: Conn) -> None:
    port = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, 0, 0, 1)
    _overlapped.CreateIoCompletionPort(conn.handle, port, 0, 0)
    ov = _overlapped.Overlapped(0)
    ov.WSARecv(conn.handle, 4096, 0)
    ov_send = _overlapped.Overlapped(0)
    ov_send.WSASend(conn.handle, b"hi", 0)
    ov_into = _overlapped.Overlapped(0)
    ov_into.WSARecvInto(conn.handle, bytearray(1024), 0)


def pywin32_io(sock: socket.socket, listener: socket.socket) -> None:
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    buf = win32file.AllocateReadBuffer(4096)
    win32file.WSARecv(sock, buf, ov)
    win32file.WSASend(sock, b"ok", ov)
    win32file.GetOverlappedResult(sock.fileno(), ov, True)
    win32file.CancelIo(sock.fileno())
    win32file.CreateIoCompletionPort(sock.fileno(), None, 0, 0)
    win32file.WSAEventSelect(sock, ov.hEvent, win32file.FD_READ)
    accepted = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    win32file.AcceptEx(listener, accepted, win32file.AllocateReadBuffer(64), ov)


def ws2_send(sock: socket.socket, data: bytes) -> int:
    return ws2_32.send(wintypes.HANDLE(sock.fileno()), data, len(data), 0)


def readiness(socks: list[socket.socket]) -> None:
    readable, _, _ = select.select(socks, [], [], 1.0)
    sel = selectors.DefaultSelector()
    for s in socks:
        sel.register(s, selectors.EVENT_READ, data=s)
    for key, _mask in sel.select(0):
        key.data.recv(4096)
    for s in readable:
        s.recv(1)


def adopt(handle: int) -> socket.socket:
    s = socket.socket(fileno=handle)
    twin = socket.fromfd(s.fileno(), socket.AF_INET, socket.SOCK_STREAM)
    s.close()
    return twin


def worker(pipe) -> None:
    sock = socket.fromshare(pipe.recv())
    sock.sendall(b"from worker\n")


def serve(listener: socket.socket) -> None:
    conn, _ = listener.accept()
    conn.sendall(b"served\n")


def relay_to_child(sock: socket.socket, cmd: list[str]) -> None:
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = proc.communicate(sock.recv(65536))
    sock.sendall(out)


def main() -> None:
    listener = socket.create_server(("127.0.0.1", 9500))
    ctx = multiprocessing.get_context("spawn")
    parent_end, child_end = ctx.Pipe()
    proc = ctx.Process(target=worker, args=(child_end,))
    proc.start()
    parent_end.send(listener.share(proc.pid))
    ctx.Process(target=serve, args=(listener,)).start()
    with contextlib.ExitStack() as stack:
        raw, _ = listener.accept()
        conn = Conn(stack.enter_context(raw))
        overlapped_io(conn)
        conn.inherit()
        with conn.as_file() as f:
            f.write(b"hello\n")
        readiness([conn.sock])
        relay_to_child(conn.clone(), ["sort"])
        ws2_send(conn.sock, b"bye")
        adopt(conn.sock.dup().detach()).close()


if __name__ == "__main__":
    main()
