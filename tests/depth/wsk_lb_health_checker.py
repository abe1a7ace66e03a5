"""Health checker for the edge load balancer.

Each backend gets a TCP probe every few seconds. Probes run on a thread pool; results go to
the status file that the balancer's control plane tails. The checker runs on the Windows
edge boxes and on the Linux ones.
"""
from __future__ import annotations

import enum
import functools
import logging
import os
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Optional, ParamSpec, TypeVar

log = logging.getLogger("edge.health")
P = ParamSpec("P")
R = TypeVar("R")


class Health(enum.Enum):
    UP = "up"
    DEGRADED = "degraded"
    DOWN = "down"


@dataclass(frozen=True)
class Backend:
    name: str
    host: str
    port: int
    timeout: float = 1.5
    proxy: Optional[str] = None


def retry(attempts: int = 3, delay: float = 0.2) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, attempts + 1):
                try:
                    return fn(*args, **kwargs)
                except OSError:
                    if attempt == attempts:
                        raise
                    time.sleep(delay * attempt)
            raise AssertionError("unreachable")
        return wrapper
    return decorate


@retry(attempts=3)
def dial(backend: Backend) -> socket.socket:
    return socket.create_connection((backend.host, backend.port), timeout=backend.timeout)


def open_probe(backend):
    sock = dial(backend)
    sock.settimeout(backend.timeout)
    return sock


def probe_http(backend: Backend) -> Health:
    s = open_probe(backend)
    try:
        os.write(s.fileno(), b"HEAD /healthz HTTP/1.0\r\n\r\n")  # error: WSK201
        reply = os.read(s.fileno(), 64)  # error: WSK201
    finally:
        s.close()
    if reply.startswith(b"HTTP/1.") and b" 200 " in reply:
        return Health.UP
    return Health.DEGRADED if reply else Health.DOWN


# Legacy path for backends reached through the SOCKS bastion.
def _raw_connect(host, port, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect((host, port))
    return s


def _via_proxy(backend):
    host, _, port = (backend.proxy or "").partition(":")
    return _raw_connect(host, int(port or 1080), backend.timeout)


def _checked_connect(backend):
    if backend.proxy:
        return _via_proxy(backend)
    return _raw_connect(backend.host, backend.port, backend.timeout)


class Checker:
    def __init__(self, backends: list[Backend], status_path: str, workers: int = 8) -> None:
        self.backends = backends
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="probe")
        self.status_fd = os.open(status_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def _check_proxied(self, backend: Backend) -> Health:
        conn = _checked_connect(backend)
        try:
            if os.get_blocking(conn.fileno()) is False:  # error: WSK205
                return Health.DEGRADED
            conn.sendall(b"PING\n")
            return Health.UP if conn.recv(5) == b"PONG\n" else Health.DEGRADED
        finally:
            os.close(conn.detach())  # error: WSK205

    def run_once(self) -> dict[str, Health]:
        futures = {}
        for b in self.backends:
            check = self._check_proxied if b.proxy else probe_http
            futures[b.name] = self.pool.submit(check, b)
        results = {}
        for name, fut in futures.items():
            try:
                results[name] = fut.result(timeout=10)
            except OSError as exc:
                log.info("%s down: %s", name, exc)
                results[name] = Health.DOWN
        line = " ".join(f"{n}={h.value}" for n, h in sorted(results.items()))
        os.write(self.status_fd, f"{time.time():.0f} {line}\n".encode())
        os.fsync(self.status_fd)
        return results
