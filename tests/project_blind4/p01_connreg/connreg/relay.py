"""Ship buffered metric lines to an upstream collector."""
from __future__ import annotations

import _winapi
import logging
import os
import sys
import time

from . import factories  # noqa: F401  (importing registers the built-in schemes)
from .registry import lookup

log = logging.getLogger(__name__)


def encode(lines):
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def push_once(scheme: str, host: str, port: int, lines: list[str]) -> int:
    """Open a fresh connection, write one batch, close it."""
    conn = lookup(scheme)(host, port)
    try:
        return os.write(conn.fileno(), encode(lines))  # error: WSK201
    finally:
        conn.close()


class MetricRelay:
    """Keeps one upstream connection and flushes batches on demand."""

    def __init__(self, scheme: str, host: str, port: int, max_batch: int = 500) -> None:
        self._factory = lookup(scheme)
        self._address = (host, port)
        self._conn = self._factory(host, port)
        self._pending: list[str] = []
        self._max_batch = max_batch
        self.last_flush = 0.0

    def add(self, line: str) -> None:
        self._pending.append(line)
        if len(self._pending) >= self._max_batch:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        payload = encode(self._pending)
        if sys.platform == "win32":
            # skip the Python-level socket wrapper on the hot path
            written, err = _winapi.WriteFile(self._conn.fileno(), payload)  # error: WSK102
            if err or written != len(payload):
                log.warning("short write to %s: %d/%d", self._address, written, len(payload))
        else:
            self._conn.sendall(payload)
        self._pending.clear()
        self.last_flush = time.monotonic()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._conn.close()
