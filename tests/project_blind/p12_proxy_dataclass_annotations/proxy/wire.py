"""Writing to peers."""

import os

from .types import Peer


def forward(peer: Peer, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(peer.sock.fileno(), view)  # error: WSK201
        peer.bytes_out += n
        view = view[n:]
