"""Byte pumping between a client and an upstream server."""

import os


def splice(src, dst):
    """Copy from ``src`` (anything with ``recv``) to ``dst`` until EOF."""
    while True:
        data = src.recv(65536)
        if not data:
            return
        os.write(dst.fileno(), data)


def close_both(a, b):
    """Close both ends at the descriptor level, skipping socket shutdown."""
    for s in (a, b):
        os.close(s.detach())
