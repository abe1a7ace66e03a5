"""Winsock-correct transport layer (the rewrite of the relay's I/O path).

Every socket handle here goes to a Winsock function or a socket method:
WSARecv/WSASend, AcceptEx/ConnectEx, share/fromshare, dup, makefile,
set_handle_inheritable, select and selectors.
"""
import ctypes
import multiprocessing
import os
import select
import selectors
import socket
import subprocess
import threading

import _overlapped
import pywintypes
import win32event
import win32file

NULL = 0
INFINITE = 0xFFFFFFFF

ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)


class IocpRelay:
    def __init__(self, port: int) -> None:
        self.listener = socket.create_server(("0.0.0.0", port))
        self.port = win32file.CreateIoCompletionPort(self.listener.fileno(), None, 1, 0)
        self.event = win32event.CreateEvent(None, True, False, None)
        win32file.WSAEventSelect(self.listener, self.event, win32file.FD_ACCEPT)

    def accept(self) -> socket.socket:
        conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        buf = win32file.AllocateReadBuffer(win32file.CalculateSocketEndPointSize(self.listener))
        ov = pywintypes.OVERLAPPED()
        win32file.AcceptEx(self.listener, conn, buf, ov)
        win32file.GetOverlappedResult(self.listener.fileno(), ov, True)
        win32file.CreateIoCompletionPort(conn.fileno(), self.port, 2, 0)
        return conn

    def recv(self, conn: socket.socket, size: int = 4096) -> bytes:
        buf = win32file.AllocateReadBuffer(size)
        ov = pywintypes.OVERLAPPED()
        win32file.WSARecv(conn, buf, ov, 0)
        n = win32file.GetOverlappedResult(conn.fileno(), ov, True)
        return bytes(buf[:n])

    def send(self, conn: socket.socket, data: bytes) -> None:
        ov = pywintypes.OVERLAPPED()
        win32file.WSASend(conn, data, ov, 0)
        win32file.GetOverlappedResult(conn.fileno(), ov, True)

    def send_file(self, conn: socket.socket, path: str) -> None:
        f = win32file.CreateFile(path, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None)
        ov = pywintypes.OVERLAPPED()
        try:
            win32file.TransmitFile(conn, f, 0, 0, ov, 0)
            win32file.GetOverlappedResult(conn.fileno(), ov, True)
        finally:
            win32file.CancelIo(conn.fileno())
            f.Close()


def overlapped_echo(conn: socket.socket) -> None:
    iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, NULL, 0, INFINITE)
    _overlapped.CreateIoCompletionPort(conn.fileno(), iocp, 0, 0)
    ov = _overlapped.Overlapped(NULL)
    ov.WSARecv(conn.fileno(), 4096, 0)
    data = ov.getresult(True)
    out = _overlapped.Overlapped(NULL)
    out.WSASend(conn.fileno(), data, 0)
    out.getresult(True)


def overlapped_connect(addr: tuple[str, int]) -> socket.socket:
    sock = socket.socket()
    sock.bind(("0.0.0.0", 0))
    _overlapped.BindLocal(sock.fileno(), sock.family)
    ov = _overlapped.Overlapped(NULL)
    ov.ConnectEx(sock.fileno(), addr)
    ov.getresult(True)
    return sock


def ctypes_send(conn: socket.socket, data: bytes) -> int:
    return ws2_32.send(conn.fileno(), data, len(data), 0)


def _child(conn: socket.socket) -> None:
    with conn:
        conn.sendall(b"hello from the child\n")


def hand_off(listener: socket.socket) -> None:
    conn, _ = listener.accept()
    # the socket object pickles through resource_sharer.DupSocket
    proc = multiprocessing.Process(target=_child, args=(conn,))
    proc.start()
    conn.close()
    proc.join()


def share_to(conn: socket.socket, pid: int) -> bytes:
    return conn.share(pid)


def adopt(blob: bytes) -> socket.socket:
    return socket.fromshare(blob)


def private_copy(conn: socket.socket) -> socket.socket:
    copy = conn.dup()
    copy.set_inheritable(False)
    return copy


def reattach(conn: socket.socket) -> socket.socket:
    h = conn.detach()
    return socket.socket(fileno=h)


def from_descriptor(conn: socket.socket) -> socket.socket:
    return socket.fromfd(conn.fileno(), conn.family, conn.type)


def harden(conn: socket.socket) -> None:
    os.set_handle_inheritable(conn.fileno(), False)
    conn.setblocking(False)
    print(os.get_handle_inheritable(conn.fileno()), conn.getblocking())


def line_reader(conn: socket.socket):
    return conn.makefile("rb")


def wait_readable(conns: list[socket.socket], timeout: float) -> list[socket.socket]:
    ready, _, _ = select.select([c.fileno() for c in conns], [], [], timeout)
    return [c for c in conns if c.fileno() in ready]


def selector_loop(listener: socket.socket, stop: threading.Event) -> None:
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    while not stop.is_set():
        for key, _ in sel.select(0.2):
            conn, _ = listener.accept()
            conn.sendall(b"ok\n")
            conn.close()
    sel.close()


def run_tool_over(conn: socket.socket, cmd: list[str]) -> int:
    # relay through pipes instead of handing the socket to the child
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = proc.communicate(conn.recv(65536))
    conn.sendall(out)
    return proc.returncode


def log_socket_traffic(conn: socket.socket, path: str) -> None:
    data = conn.recv(4096)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_BINARY)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
