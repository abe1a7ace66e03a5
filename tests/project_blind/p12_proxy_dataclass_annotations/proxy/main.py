"""Proxy main loop."""

import logging
import os
import socket

from .accept import accept_peer
from .drain import drain
from .wire import forward

log = logging.getLogger(__name__)
BANNER = b"ticket-proxy 1.0\r\n"


def export_to_native(peer):
    """Give the native ticket printer DLL a CRT descriptor for the peer."""
    import msvcrt

    return msvcrt.open_osfhandle(peer.sock.fileno(), os.O_RDWR)  # error: WSK204


def run(port, printer=False):
    listener = socket.create_server(("", port))
    while True:
        peer = accept_peer(listener)
        log.info("peer %s", peer.label())
        os.set_blocking(peer.sock.fileno(), False)  # error: WSK205
        forward(peer, BANNER)
        if printer:
            export_to_native(peer)
        line = drain(peer)
        if line.strip() == b"QUIT":
            peer.sock.close()
