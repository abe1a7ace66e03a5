"""Descriptor helpers.  Only ever called with os.open()/os.pipe() descriptors."""
from __future__ import annotations

import os


def drain(fd, chunk=65536):
    parts = []
    while True:
        b = os.read(fd, chunk)
        if not b:
            return b"".join(parts)
        parts.append(b)


def clone(fd):
    return os.dup(fd)


def make_private(fd):
    os.set_inheritable(fd, False)


def close_fd(fd):
    os.close(fd)
