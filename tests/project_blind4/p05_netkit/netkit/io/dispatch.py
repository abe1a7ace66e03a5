"""Route connection-manager events to the native completion layer."""
from __future__ import annotations

import logging
import msvcrt

from ..events import Closed, Connected, Received

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(self, native) -> None:
        self.native = native
        self.handles: dict[tuple[str, int], int] = {}
        self.received = 0

    def handle(self, event) -> None:
        match event:
            case Connected(sock=s, peer=peer):
                self.handles[peer] = msvcrt.get_osfhandle(s.fileno())  # error: WSK204
                self.native.register(self.handles[peer])
            case Received(peer=peer, data=data):
                self.received += len(data)
                log.debug("%d bytes from %s", len(data), peer)
            case Closed(peer=peer, reason=reason):
                handle = self.handles.pop(peer, None)
                if handle is not None:
                    self.native.unregister(handle)
                log.info("closed %s: %s", peer, reason or "eof")
            case _:
                log.warning("unexpected event %r", event)
