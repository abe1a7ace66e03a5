from __future__ import annotations

import socket

from .session import Session
from .utils.auth import make_token


def open_session(host: str, port: int = 7322, *, secret: bytes, user: str | None = None,
                 timeout: float | None = 30.0) -> Session:
    sock = socket.create_connection((host, port), timeout=timeout)
    sess = Session(sock=sock, peer=sock.getpeername()[:2], user=user)
    sess.send_line(make_token(secret))
    return sess
