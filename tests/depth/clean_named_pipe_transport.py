"""Named-pipe transport for the build cache daemon (Windows).

The cache speaks the same framing over TCP and over a named pipe; the pipe
object is called `sock` throughout because the transport class was first
written for TCP and the attribute names stayed.
"""
from __future__ import annotations

import _winapi
import msvcrt
import os
import socket
import struct

import pywintypes
import win32api
import win32con
import win32file
import win32pipe

PIPE_NAME = r"\\.\pipe\buildcache-" + socket.gethostname().lower()
HEADER = struct.Struct("<I")


class PipeServerTransport:
    def __init__(self, name: str = PIPE_NAME) -> None:
        self.sock = win32pipe.CreateNamedPipe(
            name,
            win32pipe.PIPE_ACCESS_DUPLEX,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
            1,
            65536,
            65536,
            0,
            None,
        )

    def accept(self) -> "PipeServerTransport":
        win32pipe.ConnectNamedPipe(self.sock, None)
        return self

    def recv_frame(self) -> bytes:
        _hr, head = win32file.ReadFile(self.sock, HEADER.size)
        (length,) = HEADER.unpack(bytes(head))
        _hr, body = win32file.ReadFile(self.sock, length)
        return bytes(body)

    def send_frame(self, body: bytes) -> None:
        win32file.WriteFile(self.sock, HEADER.pack(len(body)) + body)

    def share_with(self, pid: int) -> int:
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)
        dup = win32api.DuplicateHandle(
            win32api.GetCurrentProcess(),
            self.sock,
            target,
            0,
            False,
            win32con.DUPLICATE_SAME_ACCESS,
        )
        return dup.Detach()

    def as_file(self):
        fd = msvcrt.open_osfhandle(int(self.sock), os.O_RDWR | os.O_BINARY)
        return os.fdopen(fd, "r+b", buffering=0)

    def close(self) -> None:
        try:
            win32pipe.DisconnectNamedPipe(self.sock)
        except pywintypes.error:
            pass
        win32file.CloseHandle(self.sock)


class PipeClientTransport:
    """Client side, on the stdlib _winapi module (no pywin32 in the CLI)."""

    def __init__(self, name: str = PIPE_NAME) -> None:
        _winapi.WaitNamedPipe(name, 5000)
        self.conn = _winapi.CreateFile(
            name,
            _winapi.GENERIC_READ | _winapi.GENERIC_WRITE,
            0,
            _winapi.NULL,
            _winapi.OPEN_EXISTING,
            0,
            _winapi.NULL,
        )

    def request(self, body: bytes) -> bytes:
        _winapi.WriteFile(self.conn, HEADER.pack(len(body)) + body)
        head, _err = _winapi.ReadFile(self.conn, HEADER.size)
        (length,) = HEADER.unpack(head)
        data, _err = _winapi.ReadFile(self.conn, length)
        return data

    def crt_fd(self) -> int:
        return msvcrt.open_osfhandle(self.conn, os.O_RDWR)

    def close(self) -> None:
        _winapi.CloseHandle(self.conn)


def serve_forever() -> None:
    while True:
        sock = PipeServerTransport().accept()
        try:
            frame = sock.recv_frame()
            sock.send_frame(frame[::-1])
            win32file.WriteFile(sock.sock, HEADER.pack(0))
        finally:
            sock.close()
