"""Connection helpers for the metrics push client (Graphite plaintext protocol)."""
from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Iterator

ADDR = ("metrics.internal", 2003)


@contextlib.contextmanager
def connected(addr=ADDR) -> Iterator[socket.socket]:
    s = socket.create_connection(addr, timeout=3)
    try:
        yield s
    finally:
        s.close()


@contextlib.contextmanager
def spool(path: str):
    f = open(path, "ab")
    try:
        yield f
    finally:
        f.close()


class Tunnel:
    def __init__(self, addr) -> None:
        self._addr = addr
        self._sock = None

    def __enter__(self):
        self._sock = socket.create_connection(self._addr)
        return self._sock

    def __exit__(self, *exc) -> None:
        self._sock.close()


def iter_handles(pool: list[socket.socket]):
    for s in pool:
        yield s.fileno()


def iter_spool_fds(paths: list[str]):
    for p in paths:
        yield os.open(p, os.O_RDONLY)


def push(lines: list[str]) -> None:
    stamp = int(time.time())
    payload = "".join(f"{line} {stamp}\n" for line in lines).encode()
    with connected() as s:
        os.write(s.fileno(), payload)  # error: WSK201
    with spool("metrics.spool") as f:
        os.write(f.fileno(), payload)


def clone_tunnel(addr) -> int:
    with Tunnel(addr) as raw:
        return os.dup(raw.fileno())  # error: WSK202


def seal(pool: list[socket.socket], spools: list[str]) -> None:
    for h in iter_handles(pool):
        os.set_inheritable(h, False)  # error: WSK205
    for fd in iter_spool_fds(spools):
        os.set_inheritable(fd, False)
        os.close(fd)


def probe(conn: socket.socket):
    if (fd := conn.fileno()) == -1:
        return None
    return os.fstat(fd)  # error: WSK205


def probe_file(path: str):
    with open(path, "rb") as f:
        if (fd := f.fileno()) >= 0:
            return os.fstat(fd)
    return None
