"""Descriptor-level helpers.  None of these know what kind of object they are given."""
from __future__ import annotations

import os


def emit(fd, payload):
    view = memoryview(payload)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def raw(s):
    return s.fileno()


def raw_detached(s):
    return s.detach()
