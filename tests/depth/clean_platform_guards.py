"""POSIX fast paths for the ``trellis`` service supervisor.

Every descriptor trick in this module is POSIX-only; each one sits behind a
different style of platform guard.  Windows takes the ``share()`` path in
``trellis/handoff_win.py``.
"""
from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys

HELPER = ["/usr/libexec/trellis-helper"]


def make_nonblocking(sock: socket.socket) -> None:
    if sys.platform != "win32":
        os.set_blocking(sock.fileno(), False)
    else:
        sock.setblocking(False)


def inherit_into_child(sock: socket.socket) -> subprocess.Popen:
    if os.name == "posix":
        os.set_inheritable(sock.fileno(), True)
        return subprocess.Popen(HELPER, stdin=sock, close_fds=False)
    return subprocess.Popen(HELPER, stdin=subprocess.PIPE)


def stat_listener(listener: socket.socket):
    if platform.system() in ("Linux", "Darwin", "FreeBSD"):
        return os.fstat(listener.fileno())
    return None


def linux_tune(sock: socket.socket) -> None:
    if sys.platform.startswith("linux"):
        os.set_blocking(sock.fileno(), True)


def redirect_stdio(conn: socket.socket) -> None:
    if sys.platform == "win32":
        raise NotImplementedError("stdio redirection needs a pipe relay on Windows")
    os.dup2(conn.fileno(), 0)
    os.dup2(conn.fileno(), 1)


def drain_raw(conn: socket.socket, n: int = 4096) -> bytes:
    if os.name == "nt":
        return conn.recv(n)
    return os.read(conn.fileno(), n)


def spawn_handler(conn: socket.socket, argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        os.execv(argv[0], argv)
    conn.close()
    _, status = os.waitpid(pid, 0)
    return status


def fork_worker(listener: socket.socket):
    if hasattr(os, "fork"):
        pid = os.fork()
        if pid == 0:
            conn, _ = listener.accept()
            with os.fdopen(conn.fileno(), "wb", closefd=False) as out:
                out.write(b"hello from worker\n")
            os._exit(0)
        return pid
    return None


def control_socket(path: str) -> bytes:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    os.write(s.fileno(), b"status\n")
    reply = os.read(s.fileno(), 1024)
    os.close(s.detach())
    return reply


def unix_pair() -> tuple[socket.socket, socket.socket]:
    a, b = socket.socketpair(socket.AF_UNIX)
    os.set_blocking(a.fileno(), False)
    return a, b


def supervise(address: tuple[str, int]) -> None:
    listener = socket.create_server(address)
    make_nonblocking(listener)
    linux_tune(listener)
    if stat_listener(listener) is not None:
        fork_worker(listener)
