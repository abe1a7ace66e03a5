"""Raw kernel32 spill path for the ``ferry`` transfer tool (Windows only).

Written when ``ferry`` still pushed data through anonymous pipes; the same
helpers were later pointed at TCP sockets.
"""
from __future__ import annotations

import ctypes
import operator
import socket
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32.dll", use_last_error=True)
ws2_32 = ctypes.WinDLL("ws2_32.dll", use_last_error=True)

DUPLICATE_SAME_ACCESS = 0x2
PROCESS_DUP_HANDLE = 0x0040
STD_ERROR_HANDLE = -12

_WriteFile = kernel32.WriteFile
_WriteFile.argtypes = [
    wintypes.HANDLE,
    wintypes.LPCVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
    wintypes.LPVOID,
]
_WriteFile.restype = wintypes.BOOL


def _check(ok) -> None:
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())


def write_all(sock: socket.socket, data: bytes) -> int:
    h = operator.methodcaller("fileno")(sock)
    buf = ctypes.create_string_buffer(data, len(data))
    written = wintypes.DWORD(0)
    _check(_WriteFile(wintypes.HANDLE(h), buf, len(data), ctypes.byref(written), None))  # error: WSK102
    return written.value


def read_some(sock: socket.socket, n: int = 65536) -> bytes:
    buf = ctypes.create_string_buffer(n)
    got = wintypes.DWORD(0)
    ok = ctypes.windll.kernel32.ReadFile(  # error: WSK101
        ctypes.c_void_p(socket.socket.fileno(sock)), buf, n, ctypes.byref(got), None
    )
    _check(ok)
    return buf.raw[: got.value]


def share_with(pid: int, sock: socket.socket) -> int:
    k32 = ctypes.windll.LoadLibrary("kernel32")
    target = k32.OpenProcess(PROCESS_DUP_HANDLE, False, pid)
    out = wintypes.HANDLE()
    ok = k32.DuplicateHandle(  # error: WSK103
        k32.GetCurrentProcess(),
        wintypes.HANDLE(sock.fileno()),
        target,
        ctypes.byref(out),
        0,
        False,
        DUPLICATE_SAME_ACCESS,
    )
    k32.CloseHandle(target)
    _check(ok)
    return out.value


def send_ws2(sock: socket.socket, data: bytes) -> int:
    """What ``write_all`` should have been: Winsock's own send()."""
    return ws2_32.send(sock.fileno(), data, len(data), 0)


def warn(text: str) -> None:
    stderr = kernel32.GetStdHandle(STD_ERROR_HANDLE)
    raw = text.encode("utf-8", "replace")
    written = wintypes.DWORD(0)
    _WriteFile(stderr, raw, len(raw), ctypes.byref(written), None)
