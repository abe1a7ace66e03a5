"""Channels built on pipes and files (no network involved)."""

import os
import sys

if sys.platform == "win32":
    import win32file


def open_pair():
    """An anonymous pipe, as ``(read_fd, write_fd)``."""
    r, w = os.pipe()
    return r, w


def create_connection(path):
    """Open the supervisor's control FIFO (or, on Windows, a plain file)."""
    return open(path, "r+b", buffering=0)


class Channel:
    """A capture channel: everything written also lands in a file."""

    def __init__(self, path):
        self.path = path
        self.sock = open(path, "ab")

    def write(self, data):
        self.sock.write(data)

    def close(self):
        self.sock.close()


def pump(handle, size=4096):
    """Read one chunk from a named-pipe handle."""
    err, data = win32file.ReadFile(handle, size)
    return data


def write_all(fd, data):
    while data:
        n = os.write(fd, data)
        data = data[n:]
