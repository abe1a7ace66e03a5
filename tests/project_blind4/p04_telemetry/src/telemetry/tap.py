"""Debug taps: raw, unbuffered views of a descriptor, and capture files."""
from __future__ import annotations

import os


def open_tap(fd, mode="wb"):
    """Wrap ``fd`` in an unbuffered file object that does not own it."""
    return os.fdopen(fd, mode, buffering=0, closefd=False)


def open_capture(path):
    return open(path, "ab", buffering=0)
