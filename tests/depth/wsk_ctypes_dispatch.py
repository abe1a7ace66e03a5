"""Pluggable I/O backends for the named-pipe <-> TCP bridge.

The bridge forwards bytes between a local named pipe (the legacy client) and a
TCP peer.  Backends are tables of function pointers so the hot loop does one
dict lookup per call.
"""
import ctypes
import socket
from ctypes import wintypes

import cffi

_k32 = ctypes.WinDLL("kernel32", use_last_error=True)

BACKEND = {
    "read": _k32.ReadFile,
    "write": _k32.WriteFile,
    "close": _k32.CloseHandle,
}


def _write_all(handle, data: bytes) -> None:
    written = wintypes.DWORD()
    buf = ctypes.create_string_buffer(data, len(data))
    if not BACKEND["write"](handle, buf, len(data), ctypes.byref(written), None):  # error: WSK102
        raise ctypes.WinError(ctypes.get_last_error())


class PipeBridge:
    _k32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _ReadFile = _k32.ReadFile
    _CloseHandle = _k32.CloseHandle

    def __init__(self, pipe_handle, addr) -> None:
        self.pipe = pipe_handle
        self.sock = socket.create_connection(addr)

    def pull_from_pipe(self, n: int) -> bytes:
        buf = ctypes.create_string_buffer(n)
        got = wintypes.DWORD()
        self._ReadFile(self.pipe, buf, n, ctypes.byref(got), None)
        return buf.raw[: got.value]

    def pull_from_peer(self, n: int) -> bytes:
        buf = ctypes.create_string_buffer(n)
        got = wintypes.DWORD()
        self._ReadFile(wintypes.HANDLE(self.sock.fileno()), buf, n, ctypes.byref(got), None)  # error: WSK101
        return buf.raw[: got.value]

    def forward_once(self) -> None:
        chunk = self.pull_from_pipe(65536)
        if chunk:
            _write_all(self.sock.fileno(), chunk)

    def backward_once(self) -> None:
        chunk = self.sock.recv(65536)
        if chunk:
            _write_all(self.pipe, chunk)

    def close(self) -> None:
        self._CloseHandle(self.pipe)
        self.sock.close()


ffi = cffi.FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef int BOOL;
    typedef unsigned long DWORD;
    BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
    BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
    """
)
lib = ffi.dlopen("kernel32.dll")


def cffi_send(s: socket.socket, data: bytes) -> int:
    n = ffi.new("DWORD *")
    lib.WriteFile(ffi.cast("HANDLE", s.fileno()), data, len(data), n, ffi.NULL)  # error: WSK102
    return n[0]
