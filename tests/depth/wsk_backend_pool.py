"""Connection pool for the metrics relay's backend (a line-protocol TSDB).

Idle connections wait in a deque; connections with a pending reply are
queued for the reader thread.  Writers get a cheap per-connection "write"
callable so the hot path does not look anything up.
"""
from __future__ import annotations

import functools
import logging
import os
import queue
import socket
import threading
import weakref
from collections import deque
from typing import Callable

log = logging.getLogger("relay.pool")


class BackendPool:
    def __init__(self, addr: tuple[str, int], size: int = 4) -> None:
        self._addr = addr
        self._idle: deque[socket.socket] = deque()
        self._replies: queue.Queue[socket.socket | None] = queue.Queue()
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.append(self._dial())
        self._reader = threading.Thread(target=self._read_replies, name="pool-reader", daemon=True)
        self._reader.start()

    def _dial(self) -> socket.socket:
        s = socket.create_connection(self._addr, timeout=5)
        s.settimeout(None)
        # close the descriptor even if the pool is dropped without close()
        weakref.finalize(self, lambda fd=s.fileno(): os.close(fd))  # error: WSK205
        return s

    def checkout(self) -> socket.socket:
        with self._lock:
            if self._idle:
                s = self._idle.popleft()
            else:
                s = self._dial()
        s.setblocking(True)
        return s

    def checkin(self, s: socket.socket, expect_reply: bool = False) -> None:
        if expect_reply:
            self._replies.put(s)
            return
        with self._lock:
            self._idle.append(s)

    def writer_for(self, s: socket.socket) -> Callable[[bytes], int]:
        return functools.partial(os.write, s.fileno())  # error: WSK201

    def _read_replies(self) -> None:
        while True:
            conn = self._replies.get()
            if conn is None:
                return
            status = os.read(conn.fileno(), 3)  # error: WSK201
            if status != b"204":
                log.warning("backend said %r", status)
            self.checkin(conn)

    def prepare_fork_safe(self) -> None:
        """Before spawning the compaction helper: keep pool sockets private."""
        with self._lock:
            handles = tuple(s.fileno() for s in self._idle)
        for i, h in enumerate(handles):
            log.debug("pool[%d] -> non-inheritable", i)
            os.set_inheritable(h, False)  # error: WSK205

    def close(self) -> None:
        self._replies.put(None)
        self._reader.join(2)
        with self._lock:
            while self._idle:
                self._idle.popleft().close()


def relay_lines(pool: BackendPool, lines: list[bytes]) -> None:
    s = pool.checkout()
    write = pool.writer_for(s)
    for line in lines:
        write(line + b"\n")
    pool.checkin(s, expect_reply=True)
