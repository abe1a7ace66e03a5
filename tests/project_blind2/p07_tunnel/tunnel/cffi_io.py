from __future__ import annotations

import cffi

from .conn import dialed

ffi = cffi.FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef int BOOL;
    typedef unsigned long DWORD;
    BOOL ReadFileEx(HANDLE, void *, DWORD, void *, void *);
    DWORD SleepEx(DWORD, BOOL);
    """
)
kernel32 = ffi.dlopen("kernel32")


def read_async(address, overlapped, on_done):
    buf = ffi.new("char[]", 4096)
    with dialed(address) as s:
        kernel32.ReadFileEx(ffi.cast("HANDLE", s.fileno()), buf, 4096, overlapped, on_done)  # error: WSK101
        kernel32.SleepEx(0xFFFFFFFF, 1)
    return ffi.buffer(buf)[:]
