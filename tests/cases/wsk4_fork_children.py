"""A connection handler that forks a child where it can: the child's descriptor calls run on
POSIX only (``pid == 0`` holds only after a fork), the parent's and the fallback's may run on
Windows, where there is no fork and the handler serves in-process."""
import os
import socket
import sys

try:
    import pty
except ImportError:  # Windows
    pty = None


def handle(conn: socket.socket, argv: list[str]) -> None:
    if hasattr(os, "fork"):
        pid = os.fork()
    else:
        pid = None  # Windows: no fork, serve here
    if pid == 0:
        os.dup2(conn.fileno(), sys.stdin.fileno())
        os.dup2(conn.fileno(), sys.stdout.fileno())
        os.execvp(argv[0], argv)
    os.set_inheritable(conn.fileno(), False)  # error: WSK205


def relay(conn: socket.socket, argv: list[str]) -> None:
    pid = os.fork() if hasattr(os, "fork") else None
    if pid != 0:
        os.close(conn.detach())  # error: WSK205
        return
    os.dup2(conn.fileno(), 0)
    os.execvp(argv[0], argv)


def daemon_child(conn: socket.socket) -> None:
    if os.fork() == 0:
        os.setsid()
        os.dup2(conn.fileno(), 1)
    else:
        os.close(conn.fileno())
    os.set_blocking(conn.fileno(), False)


def terminal(conn: socket.socket) -> None:
    pid, master = pty.fork() if pty is not None else (None, -1)
    if pid == 0:
        os.dup2(conn.fileno(), 2)
    os.write(conn.fileno(), b"ready\n")  # error: WSK201
