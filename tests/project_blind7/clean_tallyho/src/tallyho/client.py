from __future__ import annotations

import contextlib
import random
import time

from .transport import UDPTransport
from .utils.format import format_metric


class StatsClient:
    def __init__(self, host: str = "127.0.0.1", port: int = 8125, *, prefix: str = "",
                 transport: UDPTransport | None = None) -> None:
        self.prefix = prefix
        self.transport = transport or UDPTransport(host, port)

    def _emit(self, name: str, value, kind: str, rate: float = 1.0) -> None:
        if rate < 1.0 and random.random() > rate:
            return
        full = f"{self.prefix}.{name}" if self.prefix else name
        self.transport.send(format_metric(full, value, kind, rate))

    def incr(self, name: str, count: int = 1, rate: float = 1.0) -> None:
        self._emit(name, count, "c", rate)

    def gauge(self, name: str, value: float) -> None:
        self._emit(name, value, "g")

    def timing(self, name: str, ms: float) -> None:
        self._emit(name, round(ms, 3), "ms")

    @contextlib.contextmanager
    def timer(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timing(name, 1000 * (time.perf_counter() - start))

    def close(self) -> None:
        self.transport.close()
