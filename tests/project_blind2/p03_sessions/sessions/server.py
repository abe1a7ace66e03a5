from __future__ import annotations

import socket
import time

from .model import Accepted, Session


def accept_one(listener: socket.socket) -> Accepted:
    conn, addr = listener.accept()
    conn.settimeout(30)
    return Accepted(conn, addr)


def open_session(acc: Accepted) -> Session:
    host, port = acc.addr
    return Session(sock=acc.conn, peer=f"{host}:{port}", created=time.time())
