"""Descriptor helpers; every caller passes real CRT descriptors."""

import os


def write_all(fd, data):
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def sync(fd):
    os.fsync(fd)


def redirect(fd, target):
    os.dup2(fd, target)


def open_log(path):
    """Append-mode log file."""
    return open(path, "ab")


def open_journal(path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
