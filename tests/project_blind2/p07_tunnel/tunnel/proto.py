from __future__ import annotations

import asyncio

from .fdtools import make_private


class Relay(asyncio.Protocol):
    def __init__(self, peer_factory):
        self.peer_factory = peer_factory
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        sock = transport.get_extra_info("socket")
        make_private(sock.fileno())  # error: WSK205

    def data_received(self, data):
        self.transport.write(data)
