from __future__ import annotations

import os

from . import hub, settings


def drain_pending(limit: int = 64) -> list[bytes]:
    chunks = []
    with hub.lock:
        batch = list(hub.pending)
        hub.pending.clear()
    for conn in batch:
        chunks.append(os.read(conn.fileno(), limit))  # error: WSK201
        conn.close()
    return chunks


def drain_pending_right(limit: int = 64) -> list[bytes]:
    with hub.lock:
        batch = list(hub.pending)
        hub.pending.clear()
    out = [conn.recv(limit) for conn in batch]
    for conn in batch:
        conn.close()
    return out


def tune_control() -> None:
    if not settings.NONBLOCKING_FDS:
        return
    os.set_blocking(hub.control.fileno(), False)  # error: WSK205
