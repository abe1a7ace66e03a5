"""Per-connection session handling for locally served clients."""

import logging
import os
import time

log = logging.getLogger(__name__)

MAX_CHUNK = 65536
_handlers = {}


def route(prefix):
    def register(fn):
        _handlers[prefix] = fn
        return fn
    return register


def serve(peer, conn, *, banner=b""):
    """Run one client session to completion."""
    started = time.monotonic()
    _greet(conn, banner)
    total = _pump(conn)
    log.info("%s: %d bytes in %.1fs", peer[0], total, time.monotonic() - started)


def _greet(conn, banner):
    if banner:
        conn.sendall(banner)


def _pump(conn):
    total = 0
    while True:
        chunk = os.read(conn.fileno(), MAX_CHUNK)
        if not chunk:
            return total
        total += len(chunk)
        _dispatch(chunk)


def _dispatch(chunk):
    for prefix, fn in _handlers.items():
        if chunk.startswith(prefix):
            fn(chunk)
            return
    log.debug("unrouted chunk of %d bytes", len(chunk))
