"""Connection helpers shared by the worker, the monitor and the CLI."""

from __future__ import annotations

import logging
import socket

log = logging.getLogger(__name__)

DEFAULT_PORT = 7411


def connect(host: str, port: int = DEFAULT_PORT, timeout: float = 10.0) -> socket.socket:
    """Open a TCP connection to the collector."""
    log.debug("connecting to %s:%d", host, port)
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def listen(port=DEFAULT_PORT, backlog=16):
    """Listen for agents on all interfaces."""
    log.info("listening on port %d", port)
    return socket.create_server(("", port), backlog=backlog)
