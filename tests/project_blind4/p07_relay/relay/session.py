"""One upstream session: greet, then stream journal records."""
from __future__ import annotations

import os

from .resources import open_journal, open_upstream

HELLO = b"RELAY/1\r\n"


def handshake(address, journal_path) -> bytes:
    with open_upstream(address) as up, open_journal(journal_path) as journal:
        os.write(up.fileno(), HELLO)  # error: WSK201
        journal.write(HELLO)
        journal.flush()
        os.fsync(journal.fileno())
        return up.recv(64)


def replay(address, records: list[bytes]) -> int:
    with open_upstream(address) as up:
        for record in records:
            up.sendall(record)
        return len(records)
