"""IOCP reader/writer for the ``hydrant`` metrics sidecar (Windows).

The sidecar keeps one TCP connection to the collector and drives it from an
I/O completion port.
"""
from __future__ import annotations

import socket

import _overlapped
from cffi import FFI
from win32file import ReadFile as RF
from win32file import WSASend

ffi = FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef unsigned long DWORD;
    int WriteFile(HANDLE hFile, const void *lpBuffer, DWORD nBytes,
                  DWORD *lpWritten, void *lpOverlapped);
    int CloseHandle(HANDLE hObject);
    """
)
_k32 = ffi.dlopen("kernel32.dll")


class SidecarLink:
    def __init__(self, address: tuple[str, int]) -> None:
        self.sock = socket.create_connection(address)
        self.sock.setblocking(False)
        self.iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, 0, 0, 0)
        _overlapped.CreateIoCompletionPort(self.sock.fileno(), self.iocp, 0, 0)

    def push_sync(self, payload: bytes) -> int:
        written = ffi.new("DWORD *")
        handle = ffi.cast("HANDLE", self.sock.fileno())
        if not _k32.WriteFile(handle, payload, len(payload), written, ffi.NULL):  # error: WSK102
            raise OSError("WriteFile failed on collector link")
        return written[0]

    def push_overlapped(self, payload: bytes):
        ov = _overlapped.Overlapped(0)
        ov.WriteFile(self.sock.fileno(), payload)  # error: WSK102
        return ov

    def start_recv(self, size: int = 8192):
        ov = _overlapped.Overlapped(0)
        ov.WSARecv(self.sock.fileno(), size, 0)
        return ov

    def start_send(self, payload: bytes):
        ov = _overlapped.Overlapped(0)
        ov.WSASend(self.sock.fileno(), payload, 0)
        return ov

    def wait(self, timeout_ms: int = 1000):
        return _overlapped.GetQueuedCompletionStatus(self.iocp, timeout_ms)


def blocking_read(sock: socket.socket, size: int = 4096) -> bytes:
    hr, data = RF(sock.fileno(), size)  # error: WSK101
    return bytes(data)


def pywin32_send(sock: socket.socket, data: bytes, overlapped) -> int:
    err, n = WSASend(sock, data, overlapped)
    return n


def read_spool(path_handle: int, size: int = 4096) -> bytes:
    """Spool files are real files: ReadFile is right here."""
    hr, data = RF(path_handle, size)
    return bytes(data)
