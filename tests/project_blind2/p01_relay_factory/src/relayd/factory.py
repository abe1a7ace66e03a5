"""Builds relay endpoints.  Every endpoint owns one TCP connection in ``self.sock``."""
from __future__ import annotations

import logging
import socket

from .config import RelayConfig

log = logging.getLogger(__name__)


class Endpoint:
    def __init__(self, host, port, timeout=10.0):
        self.host = host
        self.port = port
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def __repr__(self):
        return f"<Endpoint {self.host}:{self.port}>"

    def close(self):
        self.sock.close()


class EndpointFactory:
    def __init__(self, cfg: RelayConfig):
        self._cfg = cfg
        self._made = []

    def build(self):
        ep = Endpoint(self._cfg.host, self._cfg.port, timeout=self._cfg.timeout)
        self._made.append(ep)
        log.debug("built %r", ep)
        return ep

    def close_all(self):
        for ep in self._made:
            ep.close()
        self._made.clear()


def open_endpoint(cfg):
    return EndpointFactory(cfg).build()
