"""Descriptor helpers of the plugin SDK.

Plugins call these with whatever they hold; nothing in this module creates
a socket, and parameter names are not a promise about their types.
"""
import io
import logging
import os
import socket
import subprocess

import win32file

log = logging.getLogger("sdk.fdutil")


def read_exact(sock, n):
    """Read exactly ``n`` bytes from descriptor-like ``sock``."""
    chunks = []
    while n:
        chunk = os.read(sock.fileno(), n)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def write_handle(conn, data):
    return win32file.WriteFile(conn, data)


def read_handle(sock_handle, size):
    rc, data = win32file.ReadFile(sock_handle, size)
    return data


def duplicate_fd(sock):
    return os.dup(sock.fileno())


def as_file(conn, mode="rb"):
    return io.open(conn.fileno(), mode, closefd=False)


def run_with_stdin(cmd, sock):
    return subprocess.run(cmd, stdin=sock, check=True)


class Channel:
    """Wraps a descriptor number that plugins obtained elsewhere."""

    def __init__(self, sock):
        self.sock = sock

    def send(self, data):
        os.write(self.sock, data)

    def close(self):
        os.close(self.sock)


def hostname_banner():
    name = socket.gethostname()
    return ("plugin sdk on %s" % name).encode()


def log_to_file(path, message):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.close()
    s = open(path, "ab")
    try:
        s.write(message.encode() + b"\n")
        os.fsync(s.fileno())
    finally:
        s.close()


def spool(sock):
    """``sock`` here is the spool file opened below."""
    os.ftruncate(sock.fileno(), 0)
    os.lseek(sock.fileno(), 0, os.SEEK_SET)


def open_spool(path):
    f = open(path, "w+b")
    spool(f)
    return f
