"""Adapters that let a legacy C extension (which only understands C
runtime descriptors) talk over a socket."""
from __future__ import annotations

import os
import socket
import sys

if sys.platform == "win32":
    import msvcrt

    def to_crt_fd(sock: socket.socket) -> int:
        return msvcrt.open_osfhandle(sock.fileno(), os.O_BINARY)  # error: WSK204

else:

    def to_crt_fd(sock: socket.socket) -> int:
        return os.dup(sock.fileno())


class LegacyChannel:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._file = None

    def open_stream(self, mode: str = "rb"):
        if self._file is None:
            self._file = os.fdopen(int(self._sock.fileno()), mode, buffering=0)  # error: WSK203
        return self._file


def pywin32_handle(conn) -> int:
    import win32file

    return win32file._get_osfhandle(conn.fileno())  # error: WSK204


def main() -> None:
    conn = socket.create_connection(("legacy.internal", 2001))
    fd = to_crt_fd(conn)
    print("crt descriptor", fd)
    chan = LegacyChannel(conn)
    chan.open_stream("wb").write(b"HELLO\r\n")
    print(pywin32_handle(conn))


if __name__ == "__main__":
    main()
