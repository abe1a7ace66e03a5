"""Windows I/O backends for the capture gateway.

The gateway was first written against named pipes; when the transport moved
to TCP these functions kept their file-API calls.  Whichever backend is
importable (pywin32, cffi, ctypes, CPython's _overlapped) is used.
"""
from __future__ import annotations

import ctypes
import os
import sys
from ctypes import wintypes
from typing import TYPE_CHECKING

if sys.platform != "win32":
    raise ImportError("win_io_backends is Windows-only")

import _overlapped

try:
    import win32file
except ImportError:  # pywin32 is optional
    win32file = None

try:
    from cffi import FFI
except ImportError:
    FFI = None

if TYPE_CHECKING:
    from socket import socket as Socket
    from ssl import SSLSocket

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)
ucrt = ctypes.CDLL("ucrtbase")
COMPLETION = ctypes.WINFUNCTYPE(None, wintypes.DWORD, wintypes.DWORD, ctypes.c_void_p)

if FFI is not None:
    ffi = FFI()
    ffi.cdef(
        """
        typedef void *HANDLE; typedef unsigned long DWORD; typedef int BOOL;
        BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
        """
    )
    k32 = ffi.dlopen("kernel32.dll")
else:
    ffi = k32 = None


def read_pywin32(conn: Socket, size: int) -> bytes:
    if win32file is None:
        return conn.recv(size)
    hr, data = win32file.ReadFile(conn.fileno(), size)  # error: WSK101
    return bytes(data)


def write_cffi(conn: Socket, data: bytes) -> int:
    if k32 is None:
        conn.sendall(data)
        return len(data)
    written = ffi.new("DWORD *")
    ok = k32.WriteFile(ffi.cast("HANDLE", conn.fileno()), data, len(data), written, ffi.NULL)  # error: WSK102
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    return written[0]


class _OVERLAPPED(ctypes.Structure):
    _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]


def read_apc(conn: Socket, size: int, on_done) -> ctypes.Array:
    buf = ctypes.create_string_buffer(size)
    ov = _OVERLAPPED()
    callback = COMPLETION(on_done)
    if not kernel32.ReadFileEx(wintypes.HANDLE(conn.fileno()), buf, size, ctypes.byref(ov), callback):  # error: WSK101
        raise ctypes.WinError(ctypes.get_last_error())
    return buf


def read_into_overlapped(conn: Socket, buf: bytearray) -> _overlapped.Overlapped:
    ov = _overlapped.Overlapped(0)
    ov.ReadFileInto(conn.fileno(), buf)  # error: WSK101
    return ov


def send_ws2(conn: Socket, data: bytes) -> int:
    return ws2_32.send(conn.fileno(), data, len(data), 0)


def recv_overlapped(conn: Socket, size: int) -> _overlapped.Overlapped:
    ov = _overlapped.Overlapped(0)
    ov.WSARecv(conn.fileno(), size, 0)
    return ov


def crt_descriptor(tls: SSLSocket) -> int:
    """Some vendor DLLs want a CRT descriptor for their logging stream."""
    return ucrt._open_osfhandle(ctypes.c_void_p(tls.fileno()), os.O_BINARY)  # error: WSK204


def crt_log_descriptor(path: str) -> int:
    log = open(path, "ab")
    handle = ucrt._get_osfhandle(log.fileno())
    return ucrt._open_osfhandle(ctypes.c_void_p(handle), os.O_APPEND)


def write_pipe(pipe_name: str, data: bytes) -> None:
    h = kernel32.CreateFileW(pipe_name, 0x40000000, 0, None, 3, 0, None)
    written = wintypes.DWORD()
    kernel32.WriteFile(h, data, len(data), ctypes.byref(written), None)
    kernel32.CloseHandle(h)
