"""Turning accepted connections into peers."""

import socket

from .types import Peer


def accept_peer(listener: socket.socket) -> Peer:
    conn, addr = listener.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return Peer(conn, addr)
