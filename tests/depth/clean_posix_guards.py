"""Graceful-restart support for the worker supervisor.

Descriptor passing only exists on POSIX; on Windows the supervisor falls back
to socket.share().  Every descriptor call below is behind a POSIX-only guard.
"""
import functools
import os
import platform
import socket
import subprocess
import sys
import unittest

IS_LINUX = sys.platform.startswith("linux")
IS_WINDOWS = os.name == "nt"


def posix_only(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if sys.platform == "win32":
            raise NotImplementedError(f"{func.__name__} is not available on Windows")
        return func(*args, **kwargs)
    return wrapper


def mark_inheritable(listener: socket.socket) -> None:
    if sys.platform != "win32":
        os.set_inheritable(listener.fileno(), True)
    else:
        listener.set_inheritable(True)


def reopen_as_file(conn: socket.socket):
    if sys.platform == "win32":
        return conn.makefile("rwb", buffering=0)
    return os.fdopen(os.dup(conn.fileno()), "rb")


def hand_to_child(conn: socket.socket, argv: list[str]):
    if os.name == "posix":
        return subprocess.Popen(argv, stdin=conn)
    return subprocess.Popen(argv, stdin=subprocess.PIPE)


def drain(conn: socket.socket) -> bytes:
    if IS_WINDOWS:
        raise OSError("use recv() on Windows")
    return os.read(conn.fileno(), 4096)


def nonblock(conn: socket.socket) -> None:
    IS_LINUX and os.set_blocking(conn.fileno(), False)


@posix_only
def splice_stdio(conn: socket.socket) -> None:
    os.dup2(conn.fileno(), 0)


def fork_worker(listener: socket.socket, argv: list[str]) -> int:
    conn, _ = listener.accept()
    pid = os.fork()
    if pid == 0:
        os.dup2(conn.fileno(), 0)
        os.execvp(argv[0], argv)
    conn.close()
    return pid


def unix_control(path: str) -> bytes:
    ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    ctl.connect(path)
    os.write(ctl.fileno(), b"STATUS\n")
    return os.read(ctl.fileno(), 1024)


def handoff(listener: socket.socket, child_pid: int):
    if platform.system() != "Windows":
        return os.dup(listener.fileno())
    return listener.share(child_pid)


def close_inherited(socks: list[socket.socket]) -> None:
    if hasattr(os, "fork"):
        for s in socks:
            os.close(s.fileno())
    else:
        for s in socks:
            s.close()


class HandoffTest(unittest.TestCase):
    @unittest.skipUnless(os.name == "posix", "descriptor passing needs POSIX")
    def test_dup_roundtrip(self) -> None:
        a, b = socket.socketpair()
        fd = os.dup(a.fileno())
        os.write(fd, b"x")
        self.assertEqual(b.recv(1), b"x")
        os.close(fd)
