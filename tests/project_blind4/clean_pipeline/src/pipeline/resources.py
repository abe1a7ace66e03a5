"""Context managers for spool files and child pipes."""
from __future__ import annotations

import contextlib
import os


@contextlib.contextmanager
def spool(path):
    f = open(path, "w+b")
    try:
        yield f
    finally:
        f.close()


@contextlib.contextmanager
def child_pipe():
    read_fd, write_fd = os.pipe()
    try:
        yield read_fd, write_fd
    finally:
        for fd in (read_fd, write_fd):
            try:
                os.close(fd)
            except OSError:
                pass
