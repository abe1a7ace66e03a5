"""Descriptor-passing helpers for the POSIX backend.

The Windows backend lives in _winbackend.py; importing this module on
Windows is a programming error.
"""
import sys

if sys.platform == "win32":
    raise ImportError("posix_backend is not available on Windows")

import os
import socket
import subprocess


def read_exact(sock: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = os.read(sock.fileno(), n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def write_all(sock: socket.socket, data: bytes):
    view = memoryview(data)
    while view:
        view = view[os.write(sock.fileno(), view):]


def as_file(sock: socket.socket):
    return os.fdopen(os.dup(sock.fileno()), "r+b", buffering=0)


def make_nonblocking(sock: socket.socket):
    os.set_blocking(sock.fileno(), False)
    os.set_inheritable(sock.fileno(), False)


def run_with_stdio(conn: socket.socket, argv):
    return subprocess.Popen(argv, stdin=conn, stdout=conn, close_fds=True)


class Listener:
    def __init__(self, port):
        self.sock = socket.create_server(("", port))
        self.file = open(self.sock.fileno(), "rb", closefd=False)

    def close(self):
        self.file.close()
        os.close(self.sock.detach())
