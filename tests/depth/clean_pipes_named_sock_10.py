"""Named-pipe transport for a Windows agent.

It replaced a TCP transport, and the attribute and variable names (sock,
conn, handle) were kept so the callers did not change. Nothing here is a
socket.
"""
from __future__ import annotations

import functools
import msvcrt
import os
import subprocess
from typing import Any

import win32api
import win32con
import win32file
import win32pipe

PIPE_NAME = r"\\.\pipe\agent"


class PipeBase:
    def __init__(self, name: str = PIPE_NAME, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._sock = win32pipe.CreateNamedPipe(
            name,
            win32pipe.PIPE_ACCESS_DUPLEX,
            win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
            1,
            65536,
            65536,
            0,
            None,
        )

    @property
    def handle(self):
        return self._sock

    @functools.cached_property
    def crt_fd(self) -> int:
        return msvcrt.open_osfhandle(int(self._sock), os.O_RDWR)


class WriterMixin:
    def write_frame(self, payload: bytes) -> None:
        win32file.WriteFile(self.handle, len(payload).to_bytes(4, "big") + payload)


class PipeServer(WriterMixin, PipeBase):
    def accept(self) -> "PipeServer":
        win32pipe.ConnectNamedPipe(self._sock, None)
        return self

    def read_frame(self) -> bytes:
        _, header = win32file.ReadFile(self.handle, 4)
        _, body = win32file.ReadFile(self._sock, int.from_bytes(header, "big"))
        return body

    def raw_read(self, n: int) -> bytes:
        return os.read(self.crt_fd, n)

    def share_with(self, pid: int):
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)
        return win32api.DuplicateHandle(
            win32api.GetCurrentProcess(),
            self.handle,
            target,
            0,
            False,
            win32con.DUPLICATE_SAME_ACCESS,
        )

    def close(self) -> None:
        os.close(self.crt_fd)


class Proxy:
    def __init__(self, target) -> None:
        self._target = target

    def __getattr__(self, name: str):
        return getattr(self._target, name)


class HelperBuilder:
    def __init__(self, *argv: str) -> None:
        self._argv = list(argv)
        self._options: dict[str, Any] = {}

    def feed_from(self, stream) -> "HelperBuilder":
        self._options["stdin"] = stream
        return self

    def start(self) -> subprocess.Popen:
        return subprocess.Popen(self._argv, **self._options)


def with_pipe(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        sock = win32file.CreateFile(
            PIPE_NAME,
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
        try:
            return fn(sock, *args, **kwargs)
        finally:
            win32file.CloseHandle(sock)

    return wrapper


@with_pipe
def send_command(sock, command: bytes) -> None:
    win32file.WriteFile(sock, command)


def main() -> None:
    server = PipeServer().accept()
    server.write_frame(b"hello")
    print(server.read_frame(), server.raw_read(16))
    send_command(b"STATUS")

    read_end, write_end = os.pipe()
    sock = os.fdopen(write_end, "wb", buffering=0)
    proxy = Proxy(sock)
    os.write(proxy.fileno(), b"through the proxy\n")
    os.set_inheritable(read_end, True)
    HelperBuilder("unpack.exe").feed_from(read_end).start()
    conn = msvcrt.get_osfhandle(read_end)
    os.set_handle_inheritable(conn, True)
    server.close()


if __name__ == "__main__":
    main()
