"""Overlapped socket I/O through Winsock entry points."""

from __future__ import annotations

import os
import select

import _overlapped
import pywintypes
import win32file

import sockets


def send_recv(addr: tuple[str, int], data: bytes) -> bytes:
    s = sockets.dial(addr)
    port = win32file.CreateIoCompletionPort(s.fileno(), None, 0, 0)
    ov = pywintypes.OVERLAPPED()
    win32file.WSASend(s, data, ov, 0)
    win32file.GetOverlappedResult(s.fileno(), ov, True)
    buf = win32file.AllocateReadBuffer(4096)
    win32file.WSARecv(s, buf, ov, 0)
    n = win32file.GetOverlappedResult(s.fileno(), ov, True)
    win32file.CloseHandle(port)
    os.set_handle_inheritable(s.fileno(), False)
    s.close()
    return bytes(buf[:n])


def proactor_read(addr: tuple[str, int]) -> object:
    s = sockets.dial(addr)
    ov = _overlapped.Overlapped(0)
    ov.WSARecv(s.fileno(), 4096, 0)
    return ov


def wait_readable(addr: tuple[str, int]) -> bool:
    s = sockets.dial(addr)
    r, _, _ = select.select([s], [], [], 1.0)
    s.close()
    return bool(r)
