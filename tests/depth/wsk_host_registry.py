"""Per-printer connection registry for the ``spoolgate`` Windows service.

Print jobs for the same printer reuse one of a few raw port-9100
connections; the spooler's completion port wants OS handles for them.
"""
from __future__ import annotations

import collections
import logging
import msvcrt
import os
import socket

log = logging.getLogger("spoolgate.registry")

RAW_PORT = 9100


class PrinterRegistry:
    def __init__(self, per_host: int = 2, cap: int = 16) -> None:
        self.per_host = per_host
        self.cap = cap
        self._by_host = collections.defaultdict(list)
        self._pinned = {}
        self._lru = collections.OrderedDict()
        self._open = set()

    def _dial(self, host: str):
        s = socket.create_connection((host, RAW_PORT), timeout=15)
        self._open.add(s)
        return s

    def pool_for(self, host: str):
        while len(self._by_host[host]) < self.per_host:
            self._by_host[host].append(self._dial(host))
        return self._by_host[host]

    def os_handles(self, host: str) -> list[int]:
        """Handles for the spooler's completion port (see spool_iocp.py)."""
        handles = []
        for s in self._by_host[host]:
            handles.append(msvcrt.get_osfhandle(s.fileno()))  # error: WSK204
        return handles

    def pinned_stream(self, host: str):
        """A file object for drivers that insist on ``write()``."""
        conn = self._pinned.setdefault(host, self._dial(host))
        fd = msvcrt.open_osfhandle(conn.fileno(), os.O_WRONLY)  # error: WSK204
        return os.fdopen(fd, "wb", buffering=0)

    def touch(self, host: str) -> None:
        if host in self._lru:
            self._lru.move_to_end(host)
            return
        self._lru[host] = self._dial(host)
        while len(self._lru) > self.cap:
            old_host, victim = self._lru.popitem(last=False)
            log.info("evicting connection to %s", old_host)
            self._open.discard(victim)
            os.close(victim.fileno())  # error: WSK205

    def send_job(self, host: str, job: bytes) -> None:
        conns = self.pool_for(host)
        conn = min(conns, key=lambda c: c.gettimeout() or 0.0)
        conn.sendall(job)

    def close_all(self) -> None:
        while self._open:
            s = self._open.pop()
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        self._by_host.clear()
        self._pinned.clear()
        self._lru.clear()


def spool_file(registry: PrinterRegistry, host: str, path: str) -> int:
    with open(path, "rb") as fh:
        data = fh.read()
    registry.touch(host)
    registry.send_job(host, data)
    return len(data)
