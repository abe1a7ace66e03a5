"""Descriptor helpers of a remote-shell server (POSIX fast paths).

Each helper that treats a socket as a file descriptor is wrapped by
``requires_posix``, which refuses to run on Windows; the Windows code paths
use socket methods only.
"""
import errno
import functools
import os
import socket
import subprocess
import sys


def requires_posix(func):
    """Refuse to run ``func`` on Windows, where sockets are not descriptors."""

    @functools.wraps(func)
    def inner(*args, **kwargs):
        if sys.platform == "win32":
            raise OSError(errno.ENOSYS, f"{func.__name__}: POSIX only")
        return func(*args, **kwargs)

    return inner


@requires_posix
def redirect_stdio(conn: socket.socket) -> None:
    for target in (0, 1, 2):
        os.dup2(conn.fileno(), target)


@requires_posix
def spawn_shell(conn: socket.socket, argv: list) -> subprocess.Popen:
    os.set_inheritable(conn.fileno(), True)
    return subprocess.Popen(argv, stdin=conn, stdout=conn, stderr=subprocess.STDOUT)


@requires_posix
def drain(conn: socket.socket, limit: int = 4096) -> bytes:
    return os.read(conn.fileno(), limit)


class Session:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn

    @requires_posix
    def as_stream(self):
        return open(self.conn.fileno(), "r+b", buffering=0, closefd=False)

    @staticmethod
    @requires_posix
    def nonblocking(conn: socket.socket) -> None:
        os.set_blocking(conn.fileno(), False)

    @classmethod
    @requires_posix
    def adopt(cls, fd: int) -> "Session":
        conn = socket.socket(fileno=fd)
        os.set_inheritable(conn.fileno(), False)
        return cls(conn)

    def send(self, data: bytes) -> None:
        self.conn.sendall(data)

    def close(self) -> None:
        if sys.platform == "win32":
            self.conn.close()
        else:
            self._close_raw()

    @requires_posix
    def _close_raw(self) -> None:
        os.close(self.conn.detach())


def serve(port: int) -> None:
    srv = socket.create_server(("0.0.0.0", port))
    while True:
        conn, _ = srv.accept()
        session = Session(conn)
        if os.name == "nt":
            session.send(b"interactive shells need the POSIX build\r\n")
            session.close()
            continue
        Session.nonblocking(conn)
        redirect_stdio(conn)
        spawn_shell(conn, ["/bin/sh", "-i"])
