"""asyncio protocol for one ingest connection."""
from __future__ import annotations

import asyncio
import logging

from .tap import open_tap

log = logging.getLogger(__name__)

ACK = b"+\n"


class IngestProtocol(asyncio.Protocol):
    def __init__(self, sink) -> None:
        self.sink = sink
        self.sock = None
        self.transport = None
        self.peer = None
        self._tap = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.sock = transport.get_extra_info("socket")
        self.peer = transport.get_extra_info("peername")
        log.info("ingest connection from %s", self.peer)
        if self.sink.debug_tap:
            # acks bypass the transport buffer so the client sees them immediately
            self._tap = open_tap(self.sock.fileno())  # error: WSK203

    def data_received(self, data: bytes) -> None:
        self.sink.feed(data)
        if self._tap is not None:
            self._tap.write(ACK)
        else:
            self.transport.write(ACK)

    def connection_lost(self, exc) -> None:
        if self._tap is not None:
            self._tap.close()
        log.info("ingest connection from %s closed (%s)", self.peer, exc)
