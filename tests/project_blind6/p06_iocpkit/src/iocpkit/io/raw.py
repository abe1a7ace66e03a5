"""Alertable reads through kernel32."""

from __future__ import annotations

import ctypes
from ctypes import wintypes

from .._kernel32 import LPOVERLAPPED_COMPLETION_ROUTINE, OVERLAPPED, kernel32
from ..sockets import Connection


@LPOVERLAPPED_COMPLETION_ROUTINE
def _done(err, nbytes, ov):
    pass


def read_alertable(addr: tuple[str, int], size: int) -> bytes:
    conn = Connection.open(addr)
    buf = ctypes.create_string_buffer(size)
    ov = OVERLAPPED()
    ok = kernel32.ReadFileEx(wintypes.HANDLE(conn.fileno()), buf, size, ctypes.byref(ov), _done)  # error: WSK101
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    kernel32.SleepEx(0xFFFFFFFF, True)
    conn.close()
    return buf.raw


def write_console(text: str) -> int:
    handle = kernel32.GetStdHandle(-11)  # STD_OUTPUT_HANDLE
    data = text.encode()
    written = wintypes.DWORD()
    kernel32.WriteFile(handle, data, len(data), ctypes.byref(written), None)
    return written.value
