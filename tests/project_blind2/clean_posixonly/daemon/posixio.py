"""inetd-style plumbing.  Importing this module on Windows is an error by design."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

if sys.platform == "win32":
    raise ImportError("daemon.posixio is POSIX only")


def redirect_std(sock: socket.socket) -> None:
    os.dup2(sock.fileno(), 0)
    os.dup2(sock.fileno(), 1)


def splice(fd, n=65536):
    return os.read(fd, n)


def exec_handler(argv, conn: socket.socket):
    return subprocess.Popen(argv, stdin=conn, stdout=conn.fileno(), close_fds=True)
