"""Proactor-style channel for a Windows service, mixing _overlapped,
_winapi, pywin32 and raw kernel32 calls."""
from __future__ import annotations

import _overlapped
import _winapi
import ctypes
import socket

import pywintypes
import win32event
import win32file


class ProactorChannel:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._handle = sock.fileno()
        self._iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, 0, 0, 1)
        _overlapped.CreateIoCompletionPort(self._handle, self._iocp, 0, 0)

    def recv(self, size: int):
        ov = _overlapped.Overlapped(0)
        ov.WSARecv(self._handle, size, 0)
        return ov

    def recv_into(self, buf: bytearray):
        ov = _overlapped.Overlapped(0)
        ov.ReadFileInto(self._handle, buf)  # error: WSK101
        return ov

    def send(self, data: bytes):
        ov = _overlapped.Overlapped(0)
        ov.WSASend(self._handle, data, 0)
        return ov


def blocking_write(sock: socket.socket, data: bytes) -> int:
    written, _err = _winapi.WriteFile(handle=sock.fileno(), buffer=data, overlapped=False)  # error: WSK102
    return written


def pywin32_read(sock: socket.socket, size: int) -> bytes:
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = win32event.CreateEvent(None, True, False, None)
    _rc, data = win32file.ReadFile(sock.fileno(), size, overlapped)  # error: WSK101
    win32event.WaitForSingleObject(overlapped.hEvent, win32event.INFINITE)
    n = win32file.GetOverlappedResult(sock.fileno(), overlapped, True)
    return bytes(data[:n])


def pywin32_correct(sock: socket.socket, size: int) -> None:
    buf = win32file.AllocateReadBuffer(size)
    ov = pywintypes.OVERLAPPED()
    win32file.WSARecv(sock, buf, ov)
    win32file.WSASend(sock, b"ack", ov)


_k32 = ctypes.windll.LoadLibrary("kernel32")


def write_ex(sock: socket.socket, data: bytes, overlapped) -> bool:
    return bool(_k32.WriteFileEx(sock.fileno(), data, len(data), ctypes.byref(overlapped), None))  # error: WSK102


def main() -> None:
    conn = socket.create_connection(("127.0.0.1", 9000))
    chan = ProactorChannel(conn)
    chan.send(b"hello")
    chan.recv_into(bytearray(1024))
    blocking_write(conn, b"sync")
    print(pywin32_read(conn, 16))
    pywin32_correct(conn, 16)


if __name__ == "__main__":
    main()
