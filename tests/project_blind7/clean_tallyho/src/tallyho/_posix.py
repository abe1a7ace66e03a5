"""Descriptor helpers for POSIX systems."""
import os
import sys

if sys.platform == "win32":
    raise ImportError("tallyho._posix is not available on Windows")


def set_nonblocking(fd):
    os.set_blocking(fd, False)


def write_datagram(fd, data):
    return os.write(fd, data)


def cloexec_dup(fd):
    new = os.dup(fd)
    os.set_inheritable(new, False)
    return new
