"""Weighted backend pool for the ``relayd`` Windows edge proxy."""
from __future__ import annotations

import bisect
import heapq
import itertools
import logging
import os
import socket
import time

import pywintypes
import win32file

log = logging.getLogger("relayd.pool")


class BackendPool:
    def __init__(self, backends: list[tuple[int, tuple[str, int]]]) -> None:
        self._heap = []
        self._counter = itertools.count()
        self._by_latency = []
        self._idle = []
        self._busy = []
        for weight, addr in backends:
            started = time.perf_counter()
            s = socket.create_connection(addr, timeout=5)
            latency = time.perf_counter() - started
            heapq.heappush(self._heap, (weight, next(self._counter), s))
            bisect.insort(self._by_latency, (latency, next(self._counter), s))
            self._idle.append(s)

    def send_weighted(self, frame: bytes) -> None:
        weight, _, sock = heapq.heappop(self._heap)
        try:
            win32file.WriteFile(sock.fileno(), frame)  # error: WSK102
        except pywintypes.error as exc:
            log.warning("backend write failed: %s", exc)
        finally:
            heapq.heappush(self._heap, (weight + 1, next(self._counter), sock))

    def send_overlapped(self, frame: bytes, overlapped) -> int:
        _, _, sock = self._heap[0]
        err, n = win32file.WSASend(sock, frame, overlapped)
        return n

    def fastest_probe(self) -> bytes:
        _, _, fastest = self._by_latency[0]
        fastest.sendall(b"PING\r\n")
        hr, data = win32file.ReadFile(fastest.fileno(), 64)  # error: WSK101
        return bytes(data)

    def checkout(self) -> socket.socket:
        s = self._idle.pop()
        self._busy.append(s)
        return s

    def checkin(self, s: socket.socket) -> None:
        self._busy.remove(s)
        self._idle.append(s)

    def trim(self, keep: int) -> None:
        for s in itertools.islice(self._idle, keep, None):
            win32file.CancelIo(win32file._get_osfhandle(s.fileno()))  # error: WSK204
            s.close()
        del self._idle[keep:]

    def close_all(self) -> None:
        for s in itertools.chain(self._idle, self._busy):
            os.close(s.fileno())  # error: WSK205
        self._idle.clear()
        self._busy.clear()
        self._heap.clear()
        self._by_latency.clear()
