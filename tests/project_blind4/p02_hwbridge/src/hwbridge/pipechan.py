"""Channel over the controller's local named pipe."""
from __future__ import annotations

import win32file
import win32pipe

from .channel import Channel


class PipeChannel(Channel):
    def __init__(self, name: str = "benchctl") -> None:
        self._handle = win32file.CreateFile(
            rf"\\.\pipe\{name}",
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
        win32pipe.SetNamedPipeHandleState(self._handle, win32pipe.PIPE_READMODE_MESSAGE, None, None)

    def _raw_handle(self):
        return self._handle

    def read_reply(self, size: int = 4096) -> bytes:
        _err, data = win32file.ReadFile(self._handle, size)
        return data

    def close(self) -> None:
        win32file.CloseHandle(self._handle)
