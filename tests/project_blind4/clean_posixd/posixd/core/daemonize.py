"""Classic double-fork daemonisation with stdio on a socket."""
from __future__ import annotations

import os
import socket
import sys

if sys.platform == "win32":
    raise ImportError("posixd.core.daemonize is POSIX-only")


def daemonize(log_sock: socket.socket | None = None) -> None:
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    if os.fork() > 0:
        os._exit(0)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    if log_sock is not None:
        os.dup2(log_sock.fileno(), 1)
        os.dup2(log_sock.fileno(), 2)
        os.set_inheritable(log_sock.fileno(), False)
    else:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
    os.close(devnull)


def serve_inetd(listener: socket.socket, argv: list[str]) -> None:
    conn, _addr = listener.accept()
    if os.fork() == 0:
        listener.close()
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        os.close(conn.fileno())
        os.execvp(argv[0], argv)
    conn.close()
