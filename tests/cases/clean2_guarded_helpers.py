"""Portable helpers for the agent: POSIX fast paths, Windows fallbacks."""
import multiprocessing
import os
import platform
import socket
import sys
import unittest


def recv_some(sock: socket.socket, n: int) -> bytes:
    if not sys.platform.startswith("win"):
        return os.read(sock.fileno(), n)
    return sock.recv(n)


def send_some(sock: socket.socket, data: bytes) -> int:
    if platform.system() != "Windows":
        return os.write(sock.fileno(), data)
    return sock.send(data)


def set_inherit(sock: socket.socket, flag: bool):
    if sys.platform == "win32":
        sock.set_inheritable(flag)
    else:
        os.set_inheritable(sock.fileno(), flag)


def stream_of(sock: socket.socket):
    if sys.platform == "win32":
        return sock.makefile("rwb", buffering=0)
    return open(sock.fileno(), "r+b", buffering=0, closefd=False)


if os.name == "posix":
    def fd_stat(sock: socket.socket):
        return os.fstat(sock.fileno())

    class FdWatcher:
        def __init__(self, sock: socket.socket):
            self.fd = os.dup(sock.fileno())

        def close(self):
            os.close(self.fd)


def pipe_roundtrip(data: bytes) -> bytes:
    r, w = os.pipe()
    os.write(w, data)
    os.close(w)
    out = os.read(r, len(data))
    os.close(r)
    return out


def save_report(path, text: str):
    with open(path, "w") as f:
        f.write(text)
        os.fsync(f.fileno())
    return os.isatty(sys.stdout.fileno())


def child_pipe():
    parent_conn, child_conn = multiprocessing.Pipe()
    if sys.platform == "win32":
        os.set_handle_inheritable(child_conn.fileno(), True)
    else:
        os.set_inheritable(child_conn.fileno(), True)
    return parent_conn, child_conn


@unittest.skipIf(sys.platform == "win32", "socket handles are not descriptors on Windows")
class FdTests(unittest.TestCase):
    def test_dup2(self):
        a, b = socket.socketpair()
        saved = os.dup(1)
        os.dup2(a.fileno(), 1)
        os.dup2(saved, 1)
        a.close()
        b.close()
