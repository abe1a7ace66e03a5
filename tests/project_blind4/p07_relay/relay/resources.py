"""Context managers for everything the relay opens."""
from __future__ import annotations

import contextlib
import socket


@contextlib.contextmanager
def open_upstream(address, timeout: float = 10.0):
    sock = socket.create_connection(address, timeout=timeout)
    try:
        yield sock
    finally:
        sock.close()


@contextlib.contextmanager
def open_journal(path):
    journal = open(path, "ab")
    try:
        yield journal
    finally:
        journal.close()
