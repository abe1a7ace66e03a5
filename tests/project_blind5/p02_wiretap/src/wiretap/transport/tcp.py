"""TCP transport with raw send and cross-process hand-off."""
import os

import win32api
import win32con

from .base import BaseTransport


class TcpTransport(BaseTransport):
    @classmethod
    def connect(cls, host: str, port: int) -> "TcpTransport":
        return cls((host, port))

    def send_raw(self, data: bytes) -> int:
        return os.write(self._sock.fileno(), data)  # error: WSK201

    def duplicate_for(self, target_process):
        return win32api.DuplicateHandle(  # error: WSK103
            win32api.GetCurrentProcess(),
            self.handle,
            target_process,
            0,
            False,
            win32con.DUPLICATE_SAME_ACCESS,
        )

    def keepalive(self, seconds: int = 30) -> None:
        self.send(b"PING %d\r\n" % seconds)
