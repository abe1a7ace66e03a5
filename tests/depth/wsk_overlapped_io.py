"""Proactor-style helpers for the IOCP bridge between files and sockets.

Most of this mirrors asyncio.windows_events; the "native" variants were added
for a benchmark and never removed.
"""
import os
import socket
import sys

import _overlapped
import _winapi
import win32file

NULL = 0
INFINITE = 0xFFFFFFFF


class Port:
    def __init__(self) -> None:
        self.iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, NULL, 0, 1)

    def register(self, conn: socket.socket) -> None:
        _overlapped.CreateIoCompletionPort(conn.fileno(), self.iocp, 0, 0)

    def recv(self, conn: socket.socket, size: int):
        ov = _overlapped.Overlapped(NULL)
        ov.WSARecv(conn.fileno(), size, 0)
        return ov

    def recv_native(self, conn: socket.socket, buf: bytearray):
        ov = _overlapped.Overlapped(NULL)
        ov.ReadFileInto(conn.fileno(), buf)  # error: WSK101
        return ov

    def send(self, conn: socket.socket, data: bytes):
        ov = _overlapped.Overlapped(NULL)
        ov.WSASend(conn.fileno(), data, 0)
        return ov

    def read_file(self, path: str, size: int):
        h = _winapi.CreateFile(path, _winapi.GENERIC_READ, 0, NULL, _winapi.OPEN_EXISTING,
                               _winapi.FILE_FLAG_OVERLAPPED, NULL)
        _overlapped.CreateIoCompletionPort(h, self.iocp, 0, 0)
        ov = _overlapped.Overlapped(NULL)
        ov.ReadFile(h, size)
        return ov


def send_sync(conn: socket.socket, buf: bytes) -> int:
    written, err = _winapi.WriteFile(handle=conn.fileno(), buffer=buf, overlapped=False)  # error: WSK102
    return written


def pipe_write(pipe_handle: int, buf: bytes):
    ov, err = _winapi.WriteFile(pipe_handle, buf, overlapped=True)
    return ov


def read_compat(conn: socket.socket, size: int) -> bytes:
    if os.name == "posix":
        # Wine-hosted builds still ship pywin32, so the handle path is kept there too
        rc, data = win32file.ReadFile(conn.fileno(), size)  # error: WSK101
        return data
    return conn.recv(size)


def cancel(conn: socket.socket) -> None:
    win32file.CancelIo(conn.fileno())


if __name__ == "__main__":
    if sys.platform != "win32":
        raise SystemExit("Windows only")
    port = Port()
    s = socket.create_connection(("localhost", 8080))
    port.register(s)
    send_sync(s, b"GET / HTTP/1.0\r\n\r\n")
    print(port.recv(s, 4096))
