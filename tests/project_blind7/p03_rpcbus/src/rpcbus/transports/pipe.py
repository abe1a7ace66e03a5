"""Windows named-pipe transport (message mode)."""
from __future__ import annotations

import sys

from ..codec import HEADER_SIZE, decode_header
from .base import Transport

if sys.platform == "win32":
    import pywintypes
    import win32file
    import win32pipe

ERROR_MORE_DATA = 234


class PipeTransport(Transport):
    def __init__(self, name: str, timeout_ms: int = 5000) -> None:
        if sys.platform != "win32":
            raise OSError("named pipes are only supported on Windows")
        path = name if name.startswith("\\\\") else "\\\\.\\pipe\\" + name
        win32pipe.WaitNamedPipe(path, timeout_ms)
        # Still called "sock" from the days this class wrapped a socketpair.
        self.sock = win32file.CreateFile(
            path,
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
        win32pipe.SetNamedPipeHandleState(self.sock, win32pipe.PIPE_READMODE_MESSAGE, None, None)

    def send_frame(self, frame: bytes) -> None:
        win32file.WriteFile(self.sock, frame)

    def recv_frame(self) -> bytes:
        chunks = []
        while True:
            try:
                hr, data = win32file.ReadFile(self.sock, 65536)
            except pywintypes.error as exc:
                raise ConnectionError(str(exc)) from exc
            chunks.append(data)
            if hr != ERROR_MORE_DATA:
                break
        frame = b"".join(chunks)
        decode_header(frame[:HEADER_SIZE])
        return frame

    def close(self) -> None:
        self.sock.Close()
