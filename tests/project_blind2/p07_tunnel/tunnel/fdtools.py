from __future__ import annotations

import os
import socket


def make_private(fd):
    os.set_inheritable(fd, False)


def bridge_stdin(*, upstream: socket.socket, keep=False):
    """Make the upstream connection this process's stdin."""
    os.dup2(upstream.fileno(), 0)  # error: WSK202
    if not keep:
        upstream.close()


def open_spool(path):
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    make_private(fd)
    return fd
