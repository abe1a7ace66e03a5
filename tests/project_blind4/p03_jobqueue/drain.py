"""Drainers: take clients off the inbox and feed the legacy result processor."""
from __future__ import annotations

import msvcrt
import os
import queue

from handoff import CURRENT_CLIENT, INBOX, Peer


def drain_into_legacy(processor, timeout: float = 1.0) -> bool:
    """The legacy C processor only accepts a CRT descriptor."""
    try:
        conn = INBOX.get(timeout=timeout)
    except queue.Empty:
        return False
    crt_fd = msvcrt.open_osfhandle(conn.fileno(), os.O_RDWR)  # error: WSK204
    processor.consume_fd(crt_fd)
    return True


def greet_current_client() -> None:
    client = CURRENT_CLIENT.get()
    with open(client.fileno(), "wb", buffering=0, closefd=False) as out:  # error: WSK203
        out.write(b"READY\n")


def audit_peer(peer: Peer) -> dict[str, object]:
    inheritable = os.get_inheritable(peer["sock"].fileno())  # error: WSK205
    return {
        "address": "%s:%d" % peer["address"],
        "accepted_at": peer["accepted_at"],
        "inheritable": inheritable,
    }


def backlog() -> int:
    return INBOX.qsize()
