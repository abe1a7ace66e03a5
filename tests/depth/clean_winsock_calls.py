"""Windows socket plumbing done the Winsock way.

Every call here accepts a SOCKET handle by design (Winsock, IOCP, handle
inheritance, selection) or works on something that is not a socket.
"""
import ctypes
import msvcrt
import os
import select
import signal
import socket
import subprocess
from ctypes import wintypes

import _overlapped
import pywintypes
import win32event
import win32file

ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
HANDLE_FLAG_INHERIT = 0x1


def iocp_bind(s: socket.socket, port: int) -> int:
    return _overlapped.CreateIoCompletionPort(s.fileno(), port, 0, 0)


def overlapped_roundtrip(s: socket.socket, data: bytes):
    ov_send = _overlapped.Overlapped(0)
    ov_send.WSASend(s.fileno(), data, 0)
    ov_recv = _overlapped.Overlapped(0)
    ov_recv.WSARecv(s.fileno(), 4096, 0)
    return ov_send, ov_recv


def pywin32_roundtrip(s: socket.socket, data: bytes) -> None:
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    win32file.WSASend(s, data, ov, 0)
    win32file.GetOverlappedResult(s.fileno(), ov, True)
    buf = win32file.AllocateReadBuffer(4096)
    win32file.WSARecv(s, buf, ov, 0)
    win32file.WSAEventSelect(s, ov.hEvent, win32file.FD_READ | win32file.FD_CLOSE)
    win32file.CancelIo(s.fileno())


def accept_ex(listener: socket.socket) -> socket.socket:
    accepted = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    buf = win32file.AllocateReadBuffer(win32file.CalculateSocketEndPointSize(listener))
    ov = pywintypes.OVERLAPPED()
    win32file.AcceptEx(listener, accepted, buf, ov)
    return accepted


def send_file(s: socket.socket, path: str) -> None:
    with open(path, "rb") as f:
        fh = msvcrt.get_osfhandle(f.fileno())
        ov = pywintypes.OVERLAPPED()
        win32file.TransmitFile(s, fh, os.fstat(f.fileno()).st_size, 0, ov, 0)


def ctypes_send(s: socket.socket, data: bytes) -> int:
    return ws2_32.send(s.fileno(), data, len(data), 0)


def no_inherit(s: socket.socket) -> None:
    os.set_handle_inheritable(s.fileno(), False)
    kernel32.SetHandleInformation(wintypes.HANDLE(s.fileno()), HANDLE_FLAG_INHERIT, 0)
    assert not os.get_handle_inheritable(s.fileno())


def console_write(text: str) -> None:
    data = text.encode()
    written = wintypes.DWORD()
    kernel32.WriteFile(kernel32.GetStdHandle(-11), data, len(data), ctypes.byref(written), None)


def wakeup_pair() -> tuple[socket.socket, socket.socket]:
    r, w = socket.socketpair()
    w.setblocking(False)
    signal.set_wakeup_fd(w.fileno())
    return r, w


def readable(socks: list[socket.socket]) -> list:
    return select.select([s.fileno() for s in socks], [], [], 0)[0]


def adopt(h: int) -> socket.socket:
    s = socket.socket(fileno=h)
    return socket.fromfd(s.fileno(), socket.AF_INET, socket.SOCK_STREAM)


def give_to(s: socket.socket, pid: int) -> bytes:
    s.dup().close()
    s.makefile("rb").close()
    return s.share(pid)


def relay_to_child(s: socket.socket, argv: list[str]) -> None:
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = proc.communicate(s.recv(65536))
    s.sendall(out)


def rebound(path: str) -> None:
    s = socket.create_connection(("localhost", 9))
    s.close()
    s = open(path, "ab")
    os.write(s.fileno(), b"closed\n")
    os.close(os.dup(s.fileno()))


def write_any(target, data: bytes) -> None:
    if not isinstance(target, socket.socket):
        os.write(target.fileno(), data)
        return
    target.sendall(data)

