"""Broadcast one payload to a primary and its mirrors."""
from __future__ import annotations

import contextlib

import win32file

from .resources import open_journal, open_upstream


def broadcast(primary_address, mirror_addresses, payload: bytes, journal_path) -> int:
    with contextlib.ExitStack() as stack:
        journal = stack.enter_context(open_journal(journal_path))
        primary = stack.enter_context(open_upstream(primary_address))
        mirrors = [stack.enter_context(open_upstream(a)) for a in mirror_addresses]
        _err, written = win32file.WriteFile(primary.fileno(), payload)  # error: WSK102
        for mirror in mirrors:
            mirror.sendall(payload)
        journal.write(payload)
        return written
