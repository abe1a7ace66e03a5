from __future__ import annotations

import msvcrt
import os
import socket

from .raw import TaggedSocket


class KeepAliveSocket(TaggedSocket):
    def enable(self, idle_ms: int = 30_000, interval_ms: int = 5_000) -> None:
        self.ioctl(socket.SIO_KEEPALIVE_VALS, (1, idle_ms, interval_ms))

    def to_crt(self) -> int:
        return msvcrt.open_osfhandle(self.fileno(), os.O_RDWR)  # error: WSK204

    def private(self) -> None:
        self.set_inheritable(False)
        os.set_handle_inheritable(self.fileno(), False)
