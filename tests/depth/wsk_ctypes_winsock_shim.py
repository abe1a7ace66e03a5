"""Native fast path for the capture agent (Windows only).

The C extension this replaced called kernel32 directly; this shim keeps the same entry
points with ctypes so that the rest of the agent did not have to change. Prototypes are
declared once with ``argtypes``/``restype``.
"""
from __future__ import annotations

import ctypes
import os
import socket
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)
ucrt = ctypes.CDLL("ucrtbase")

LPOVERLAPPED = ctypes.c_void_p
COMPLETION_ROUTINE = ctypes.WINFUNCTYPE(None, wintypes.DWORD, wintypes.DWORD, LPOVERLAPPED)
DUPLICATE_SAME_ACCESS = 0x2
GENERIC_READ = 0x80000000
OPEN_EXISTING = 3

_ReadFile = kernel32.ReadFile
_ReadFile.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD,
                      ctypes.POINTER(wintypes.DWORD), LPOVERLAPPED]
_ReadFile.restype = wintypes.BOOL

kernel32.WriteFileEx.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD,
                                 LPOVERLAPPED, COMPLETION_ROUTINE]
kernel32.WriteFileEx.restype = wintypes.BOOL
kernel32.DuplicateHandle.argtypes = [wintypes.HANDLE, wintypes.HANDLE, wintypes.HANDLE,
                                     ctypes.POINTER(wintypes.HANDLE), wintypes.DWORD,
                                     wintypes.BOOL, wintypes.DWORD]
kernel32.CreateFileW.restype = wintypes.HANDLE
ws2_32.recv.argtypes = [ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
ucrt._get_osfhandle.argtypes = [ctypes.c_int]
ucrt._get_osfhandle.restype = ctypes.c_ssize_t


class _Overlapped(ctypes.Structure):
    _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD),
                ("hEvent", wintypes.HANDLE)]


class NativeChannel:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._h = wintypes.HANDLE(sock.fileno())
        self._pending: list[tuple[_Overlapped, ctypes.Array]] = []

    def read(self, size: int) -> bytes:
        buf = ctypes.create_string_buffer(size)
        got = wintypes.DWORD()
        if not _ReadFile(self._h, buf, size, ctypes.byref(got), None):  # error: WSK101
            raise ctypes.WinError(ctypes.get_last_error())
        return buf.raw[: got.value]

    def read_winsock(self, size: int) -> bytes:
        buf = ctypes.create_string_buffer(size)
        n = ws2_32.recv(self._sock.fileno(), buf, size, 0)
        if n < 0:
            raise OSError(ws2_32.WSAGetLastError(), "recv failed")
        return buf.raw[:n]

    def write_async(self, data: bytes, done: COMPLETION_ROUTINE) -> None:
        ov = _Overlapped()
        buf = ctypes.create_string_buffer(data, len(data))
        self._pending.append((ov, buf))
        if not kernel32.WriteFileEx(self._h, buf, len(data), ctypes.byref(ov), done):  # error: WSK102
            raise ctypes.WinError(ctypes.get_last_error())

    def export_to(self, pid: int) -> int:
        me = kernel32.GetCurrentProcess()
        target = kernel32.OpenProcess(0x40, False, pid)
        out = wintypes.HANDLE()
        ok = kernel32.DuplicateHandle(  # error: WSK103
            me, wintypes.HANDLE(self._sock.fileno()), target, ctypes.byref(out), 0, False,
            DUPLICATE_SAME_ACCESS,
        )
        kernel32.CloseHandle(target)
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return out.value

    def crt_handle(self) -> int:
        return ucrt._get_osfhandle(self._sock.fileno())  # error: WSK204


def open_capture_device(path: str) -> int:
    handle = kernel32.CreateFileW(path, GENERIC_READ, 0, None, OPEN_EXISTING, 0, None)
    if handle in (None, wintypes.HANDLE(-1).value):
        raise ctypes.WinError(ctypes.get_last_error())
    return handle


def read_device(handle: int, size: int = 4096) -> bytes:
    buf = ctypes.create_string_buffer(size)
    got = wintypes.DWORD()
    _ReadFile(handle, buf, size, ctypes.byref(got), None)
    return buf.raw[: got.value]


def channel_for(host: str, port: int) -> NativeChannel:
    return NativeChannel(socket.create_connection((host, port)))


def log_fd_handle(log_path: str) -> int:
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    return ucrt._get_osfhandle(fd)
