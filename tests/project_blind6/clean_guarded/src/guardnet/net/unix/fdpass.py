"""Descriptor tricks that only exist on POSIX."""

from __future__ import annotations

import os
import socket
import sys

if sys.platform == "win32":
    raise ImportError("guardnet.net.unix.fdpass is POSIX-only")


def redirect_stdio(sock) -> None:
    os.dup2(sock.fileno(), 0)
    os.dup2(sock.fileno(), 1)


def set_nonblock(sock: socket.socket) -> None:
    os.set_blocking(sock.fileno(), False)


def raw_write(sock: socket.socket, data: bytes) -> int:
    return os.write(sock.fileno(), data)
