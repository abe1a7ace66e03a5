"""Overlapped I/O shim written against kernel32 directly, with a cffi
fallback used by the embedded build."""
from __future__ import annotations

import ctypes
import socket
from ctypes import wintypes

from cffi import FFI

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)

ReadFile = kernel32.ReadFile
ReadFile.argtypes = [
    wintypes.HANDLE,
    wintypes.LPVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
    wintypes.LPVOID,
]
ReadFile.restype = wintypes.BOOL

_write_proto = ctypes.WINFUNCTYPE(
    wintypes.BOOL,
    wintypes.HANDLE,
    wintypes.LPCVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
    wintypes.LPVOID,
)
_write_flags = (
    (1, "hFile"),
    (1, "lpBuffer"),
    (1, "nNumberOfBytesToWrite"),
    (2, "lpNumberOfBytesWritten"),
    (1, "lpOverlapped", None),
)
WriteFile = _write_proto(("WriteFile", kernel32), _write_flags)

COMPLETION = ctypes.WINFUNCTYPE(None, wintypes.DWORD, wintypes.DWORD, ctypes.c_void_p)


class OVERLAPPED(ctypes.Structure):
    _fields_ = [
        ("Internal", ctypes.c_void_p),
        ("InternalHigh", ctypes.c_void_p),
        ("Offset", wintypes.DWORD),
        ("OffsetHigh", wintypes.DWORD),
        ("hEvent", wintypes.HANDLE),
    ]


def recv_blocking(sock: socket.socket, size: int) -> bytes:
    buf = ctypes.create_string_buffer(size)
    got = wintypes.DWORD()
    handle = wintypes.HANDLE(sock.fileno())
    if not ReadFile(handle, buf, size, ctypes.byref(got), None):  # error: WSK101
        raise ctypes.WinError(ctypes.get_last_error())
    return buf.raw[: got.value]


def send_blocking(sock: socket.socket, data: bytes) -> int:
    return WriteFile(ctypes.c_void_p(int(sock.fileno())), data, len(data))  # error: WSK102


@COMPLETION
def _on_read(err, nbytes, overlapped):
    pass


def recv_async(conn, size: int):
    buf = ctypes.create_string_buffer(size)
    ov = OVERLAPPED()
    ok = kernel32.ReadFileEx(  # error: WSK101
        ctypes.c_size_t(conn.fileno()),
        buf,
        size,
        ctypes.byref(ov),
        _on_read,
    )
    return ok, buf, ov


def winsock_send(sock: socket.socket, data: bytes) -> int:
    return ws2_32.send(wintypes.HANDLE(sock.fileno()), data, len(data), 0)


ffi = FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    int WriteFile(HANDLE, const void *, unsigned long, unsigned long *, void *);
    """
)
k32 = ffi.dlopen("kernel32")


def cffi_send(sock: socket.socket, data: bytes) -> int:
    written = ffi.new("unsigned long *")
    k32.WriteFile(ffi.cast("HANDLE", sock.fileno()), data, len(data), written, ffi.NULL)  # error: WSK102
    return written[0]


def main() -> None:
    conn = socket.create_connection(("127.0.0.1", 7000))
    send_blocking(conn, b"ping")
    print(recv_blocking(conn, 4))
    recv_async(socket.create_connection(("127.0.0.1", 7001)), 512)
    cffi_send(conn, b"bye")
    winsock_send(conn, b"!")


if __name__ == "__main__":
    main()
