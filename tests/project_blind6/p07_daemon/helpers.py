"""Public helpers for embedding applications."""

from __future__ import annotations

import os
import socket


def redirect_stdout(sock: socket.socket) -> None:
    os.dup2(sock.fileno(), 1)  # error: WSK202


def redirect_stdout_to_file(path: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(fd, 1)
    os.close(fd)
