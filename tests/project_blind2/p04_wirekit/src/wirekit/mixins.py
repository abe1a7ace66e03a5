"""Building blocks for wirekit clients."""
from __future__ import annotations

import logging
import socket


class SocketMixin:
    """Gives a client a TCP connection in ``self.sock``."""

    def connect(self, address, timeout=None):
        self.sock = socket.create_connection(address, timeout=timeout)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        return self

    def disconnect(self):
        self.sock.close()


class ReplayMixin:
    """Same interface as SocketMixin, but ``self.sock`` is a capture file opened for reading."""

    def connect(self, path, timeout=None):
        self.sock = open(path, "rb")
        return self

    def disconnect(self):
        self.sock.close()


class LoggingMixin:
    log = logging.getLogger("wirekit")

    def debug(self, msg, *args):
        self.log.debug(msg, *args)
