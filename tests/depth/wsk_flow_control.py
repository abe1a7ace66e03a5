"""Connection helpers for the ``beacon`` status uploader."""
from __future__ import annotations

import logging
import os
import socket
import sys
import time

log = logging.getLogger("beacon.net")

STATSD_ADDR = ("127.0.0.1", 8125)
MAX_HANDLE = 1 << 24
_STATSD = None


def _statsd():
    global _STATSD
    if _STATSD is None:
        _STATSD = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        _STATSD.connect(STATSD_ADDR)
    return _STATSD


def flush_metrics(lines: list[str]) -> None:
    if lines:
        os.write(_statsd().fileno(), "\n".join(lines).encode())  # error: WSK201


def fetch_banner(host: str, port: int) -> bytes:
    s = None
    try:
        s = socket.create_connection((host, port), timeout=3)
    except OSError as exc:
        log.warning("no banner from %s:%d: %s", host, port, exc)
        return b""
    else:
        return os.read(s.fileno(), 256)  # error: WSK201
    finally:
        if s is not None:
            h = s.fileno()
            if 0 < h < MAX_HANDLE:
                os.close(h)  # error: WSK205


def connect_with_retry(addrs: list[tuple[str, int]], attempts: int = 5):
    sock = None
    i = 0
    while sock is None and i < attempts:
        host, port = addrs[i % len(addrs)]
        try:
            sock = socket.create_connection((host, port), timeout=2)
        except OSError:
            time.sleep(min(8.0, 0.25 * 2**i))
        i += 1
    if sock is None:
        raise ConnectionError(f"all {attempts} attempts failed")
    os.set_blocking(sock.fileno(), False)  # error: WSK205
    return sock


def configure(sock: socket.socket) -> None:
    """Keep the uploader's socket out of the spawned helper processes."""
    if sys.platform == "win32":
        os.set_inheritable(sock.fileno(), False)  # error: WSK205
    else:
        os.set_blocking(sock.fileno(), True)


def upload(status: bytes, addrs: list[tuple[str, int]]) -> None:
    sock = connect_with_retry(addrs)
    configure(sock)
    try:
        sock.sendall(status)
    finally:
        sock.close()
    flush_metrics([f"beacon.upload.bytes:{len(status)}|c"])
