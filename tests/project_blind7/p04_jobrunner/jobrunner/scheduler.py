from __future__ import annotations

import heapq
import itertools
import os
import select
import socket
import threading
import time

from .job import Job
from .utils import wakeup


class Scheduler:
    """Runs jobs at their due time on a background thread."""

    def __init__(self, run_job) -> None:
        self._run_job = run_job
        self._queue: list[tuple[float, int, Job]] = []
        self._seq = itertools.count()
        self._lock = threading.Lock()
        # Private copy of the wakeup end so submit() keeps working after the
        # pool closes its own reference (see #87).
        self._wake = socket.socket(fileno=os.dup(wakeup.wakeup_w.fileno()))  # error: WSK202
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: Job, delay: float = 0.0) -> None:
        with self._lock:
            heapq.heappush(self._queue, (time.monotonic() + delay, next(self._seq), job))
        try:
            self._wake.send(b"\0")
        except BlockingIOError:
            pass

    def _loop(self) -> None:
        while True:
            with self._lock:
                timeout = max(0.0, self._queue[0][0] - time.monotonic()) if self._queue else None
            select.select([wakeup.wakeup_r], [], [], timeout)
            wakeup.drain()
            now = time.monotonic()
            while True:
                with self._lock:
                    if not self._queue or self._queue[0][0] > now:
                        break
                    _, _, job = heapq.heappop(self._queue)
                self._run_job(job)
