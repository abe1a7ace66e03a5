"""Windows-native helpers (overlapped reads, handing connections to the uploader)."""
from __future__ import annotations

import ctypes
import socket
from ctypes import wintypes

from cffi import FFI

from .resources import open_upstream

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
DUPLICATE_SAME_ACCESS = 0x00000002

ffi = FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef unsigned long DWORD;
    typedef int BOOL;
    BOOL ReadFileEx(HANDLE hFile, void *lpBuffer, DWORD nNumberOfBytesToRead,
                    void *lpOverlapped, void *lpCompletionRoutine);
    """
)
_k32 = ffi.dlopen("kernel32")


def clone_into(address, target_process) -> int:
    """Connect, then give the uploader process its own handle to the connection."""
    with open_upstream(address) as up:
        out = wintypes.HANDLE()
        ok = kernel32.DuplicateHandle(  # error: WSK103
            kernel32.GetCurrentProcess(),
            wintypes.HANDLE(up.fileno()),
            target_process,
            ctypes.byref(out),
            0,
            False,
            DUPLICATE_SAME_ACCESS,
        )
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return out.value


def read_async(up: socket.socket, size: int, overlapped, on_complete):
    buf = ffi.new("char[]", size)
    if not _k32.ReadFileEx(ffi.cast("HANDLE", up.fileno()), buf, size, overlapped, on_complete):  # error: WSK101
        raise OSError("ReadFileEx failed")
    return buf
