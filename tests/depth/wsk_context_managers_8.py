"""Ship rotated log segments to the central collector.

Part of the ``shipyard`` agent, which runs as a Windows service on the build
farm.  Two transports live here: a TCP stream for bulk segments and a UDP
telemetry session for counters.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import os as _os
import socket
from os import read as os_read
from pathlib import Path

log = logging.getLogger("shipyard.ship")

COLLECTOR = ("logs.build.internal", 5140)
TELEMETRY = ("metrics.build.internal", 8125)
CHUNK = 64 * 1024


def _iter_chunks(path: Path):
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            yield block


def ship_segment(path: Path, address=COLLECTOR) -> int:
    """Stream one segment; returns the number of bytes accepted by the kernel."""
    sent = 0
    with contextlib.closing(socket.create_connection(address, timeout=10)) as conn:
        push = functools.partial(_os.write, conn.fileno())  # error: WSK201
        for block in _iter_chunks(path):
            view = memoryview(block)
            while view:
                n = push(view)
                view = view[n:]
                sent += n
        conn.shutdown(socket.SHUT_WR)
        ack = os_read(conn.fileno(), 16)  # error: WSK201
    log.info("shipped %s (%d bytes, ack=%r)", path.name, sent, ack)
    return sent


def tail_bytes(path: Path, n: int = 4096) -> bytes:
    """Last ``n`` bytes of a local segment, for the resume protocol."""
    fd = _os.open(path, _os.O_RDONLY | getattr(_os, "O_BINARY", 0))
    try:
        size = _os.fstat(fd).st_size
        _os.lseek(fd, max(0, size - n), _os.SEEK_SET)
        return os_read(fd, n)
    finally:
        _os.close(fd)


class TelemetrySession:
    """UDP counters: ``with TelemetrySession() as t: t.incr("segments")``."""

    def __init__(self, address=TELEMETRY) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._fd = -1
        self.dropped = 0

    def __enter__(self) -> TelemetrySession:
        self.sock.connect(self.address)
        self._fd = self.sock.fileno()
        _os.set_blocking(self._fd, False)  # error: WSK205
        return self

    def __exit__(self, *exc_info) -> bool:
        self.sock.close()
        self._fd = -1
        return False

    def incr(self, name: str, by: int = 1) -> None:
        try:
            self.sock.send(f"{name}:{by}|c".encode())
        except BlockingIOError:
            self.dropped += 1

    def gauge(self, name: str, value: float) -> None:
        try:
            self.sock.sendall(f"{name}:{value}|g".encode())
        except BlockingIOError:
            self.dropped += 1


def report(segments: list[Path]) -> int:
    shipped = 0
    with TelemetrySession() as t:
        for seg in segments:
            shipped += ship_segment(seg)
            t.incr("segments")
        t.gauge("bytes", shipped)
        if t.dropped:
            log.warning("dropped %d telemetry datagrams", t.dropped)
    return shipped
