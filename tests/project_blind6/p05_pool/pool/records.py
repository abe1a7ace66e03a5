from __future__ import annotations

import socket
from typing import NamedTuple


class Peer(NamedTuple):
    sock: socket.socket
    addr: tuple[str, int]


def peer_from(listener: socket.socket) -> Peer:
    conn, addr = listener.accept()
    return Peer(conn, addr)
