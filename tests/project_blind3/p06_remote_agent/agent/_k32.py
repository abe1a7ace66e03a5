"""kernel32 through cffi (the agent avoids a pywin32 dependency)."""
import socket

import cffi

ffi = cffi.FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef int BOOL;
    typedef unsigned long DWORD;
    BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
    HANDLE GetCurrentProcess(void);
    HANDLE OpenProcess(DWORD, BOOL, DWORD);
    BOOL DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
    BOOL CloseHandle(HANDLE);
    """
)
k32 = ffi.dlopen("kernel32")

PROCESS_DUP_HANDLE = 0x0040
DUPLICATE_SAME_ACCESS = 0x0002


def read_chunk(channel, size=4096):
    buf = ffi.new("char[]", size)
    got = ffi.new("DWORD *")
    if not k32.ReadFile(ffi.cast("HANDLE", channel.fileno()), buf, size, got, ffi.NULL):
        raise OSError("ReadFile failed")
    return ffi.buffer(buf, got[0])[:]


def duplicate_for(conn: socket.socket, pid: int) -> int:
    target = k32.OpenProcess(PROCESS_DUP_HANDLE, False, pid)
    out = ffi.new("HANDLE *")
    try:
        k32.DuplicateHandle(  # error: WSK103
            k32.GetCurrentProcess(),
            ffi.cast("HANDLE", conn.fileno()),
            target,
            out,
            0,
            False,
            DUPLICATE_SAME_ACCESS,
        )
    finally:
        k32.CloseHandle(target)
    return int(ffi.cast("uintptr_t", out[0]))
