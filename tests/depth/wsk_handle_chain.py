"""Transport shims for the serial-over-LAN console (RFC 2217 bridge)."""
from __future__ import annotations

import logging
import msvcrt
import os
import socket

import win32file

log = logging.getLogger(__name__)


def handle_of(s: socket.socket) -> int:
    return s.fileno()


def as_int(h) -> int:
    return int(h)


def checked(h: int) -> int:
    if h < 0:
        raise OSError("transport already closed")
    log.debug("using handle %#x", h)
    return h


class Console:
    def __init__(self, host: str, port: int = 2217) -> None:
        self._sock = socket.create_connection((host, port))
        self._log = open("console.log", "ab")

    def raw_handle(self):
        return self._sock.fileno()

    def native(self):
        return checked(self.raw_handle())

    def log_handle(self):
        return self._log.fileno()

    def read_banner(self) -> bytes:
        return os.read(checked(as_int(handle_of(self._sock))), 512)  # error: WSK201

    def read_block(self, n: int) -> bytes:
        rc, data = win32file.ReadFile(self.native(), n)  # error: WSK101
        if rc:
            log.warning("ReadFile returned %d", rc)
        return data

    def note(self, text: str) -> None:
        os.write(checked(self.log_handle()), text.encode())

    def is_interactive(self) -> bool:
        return os.isatty(self.log_handle())

    def into_crt(self) -> int:
        # give the C decoder a descriptor and forget about the socket object
        return msvcrt.open_osfhandle(self._sock.detach(), os.O_RDWR)  # error: WSK204

    def close(self) -> None:
        self._sock.close()
        self._log.close()


class LoopbackConsole(Console):
    """Test double: talks to a local file instead of the bridge."""

    def __init__(self, path: str) -> None:
        self._sock = None
        self._log = open(path, "ab")
        self._dev = open(path, "rb")

    def raw_handle(self):
        return self._dev.fileno()

    def replay(self) -> bytes:
        return os.read(self.raw_handle(), 4096)
