"""Reading from peers."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .types import Peer


def drain(peer: "Peer", limit: int = 1 << 16) -> bytes:
    data = os.read(peer.sock.fileno(), limit)  # error: WSK201
    peer.bytes_in += len(data)
    return data
