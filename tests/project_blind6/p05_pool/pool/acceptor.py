from __future__ import annotations

import socket

from . import hub, settings


def accept_into_hub(listener: socket.socket) -> None:
    conn, _addr = listener.accept()
    with hub.lock:
        if len(hub.pending) >= settings.MAX_PENDING:
            conn.close()
            return
        hub.pending.append(conn)
