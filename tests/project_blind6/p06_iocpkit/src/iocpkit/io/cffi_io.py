"""cffi variant for PyPy users."""

from __future__ import annotations

from cffi import FFI

from ..sockets import Connection

ffi = FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef unsigned long DWORD;
    typedef int BOOL;
    typedef struct { void *Internal; void *InternalHigh; DWORD Offset; DWORD OffsetHigh; HANDLE hEvent; } OVERLAPPED;
    typedef void (*COMPLETION)(DWORD, DWORD, OVERLAPPED *);
    BOOL WriteFileEx(HANDLE, const void *, DWORD, OVERLAPPED *, COMPLETION);
    DWORD SleepEx(DWORD, BOOL);
    """
)
lib = ffi.dlopen("kernel32")


def write_alertable(addr: tuple[str, int], data: bytes) -> None:
    conn = Connection.open(addr)
    ov = ffi.new("OVERLAPPED *")
    ok = lib.WriteFileEx(  # error: WSK102
        ffi.cast("HANDLE", conn.fileno()),
        data,
        len(data),
        ov,
        ffi.NULL,
    )
    if not ok:
        raise OSError("WriteFileEx failed")
    lib.SleepEx(0xFFFFFFFF, 1)
