from __future__ import annotations

import _winapi

from .server import accept_one, open_session


def serve_greeting(listener):
    acc = accept_one(listener)
    s = open_session(acc)
    s.tags.append("greeted")
    data, err = _winapi.ReadFile(handle=s.sock.fileno(), size=1024)  # error: WSK101
    s.sock.sendall(b"hello " + data)
    return s
