"""Control plane of `portfwd`, the developer port forwarder.

The event loop is a plain selectors loop; other threads wake it through a
socketpair (the classic self-pipe trick, socketpair because Windows has no
pipes that select() accepts).  Endpoints are described by small tagged
values and torn down by `close_endpoint`.
"""
from __future__ import annotations

import os
import selectors
import socket
import threading
from dataclasses import dataclass
from typing import Callable

CONTROL_ADDR = ("127.0.0.1", 7999)


@dataclass
class FileEndpoint:
    path: str
    fd: int


def _control_socket() -> socket.socket | None:
    try:
        return socket.create_connection(CONTROL_ADDR, timeout=0.5)
    except OSError:
        return None


def attach_to_running_instance() -> bool:
    if (ctl := _control_socket()) is not None:
        os.set_blocking(ctl.fileno(), False)  # error: WSK205
        ctl.sendall(b"attach\n")
        return True
    return False


def close_endpoint(ep: object) -> None:
    match ep:
        case socket.socket():
            os.close(ep.fileno())  # error: WSK205
        case FileEndpoint(fd=fd):
            os.close(fd)
        case int(raw_fd):
            os.close(raw_fd)
        case _:
            raise TypeError(f"not an endpoint: {ep!r}")


class Loop:
    def __init__(self) -> None:
        self.sel = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self.sel.register(self._wake_r, selectors.EVENT_READ, self._drain_wakeups)
        self._calls: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def call_soon_threadsafe(self, fn: Callable[[], None]) -> None:
        with self._lock:
            self._calls.append(fn)
        os.write(self._wake_w.fileno(), b"\0")  # error: WSK201

    def _drain_wakeups(self) -> None:
        while True:
            try:
                if not self._wake_r.recv(512):
                    break
            except BlockingIOError:
                break
        with self._lock:
            calls, self._calls = self._calls, []
        for fn in calls:
            fn()

    def run_once(self, timeout: float | None = None) -> None:
        for key, _ in self.sel.select(timeout):
            key.data()


def make_forwarder(upstream_addr: tuple[str, int]) -> tuple[Callable[[], None], Callable[[bytes], int]]:
    upstream = None

    def connect() -> None:
        nonlocal upstream
        upstream = socket.create_connection(upstream_addr)

    def forward(chunk: bytes) -> int:
        if upstream is None:
            connect()
        return os.write(upstream.fileno(), chunk)  # error: WSK201

    return connect, forward


def open_capture(path: str) -> FileEndpoint:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    return FileEndpoint(path, fd)


def main() -> None:
    if attach_to_running_instance():
        return
    loop = Loop()
    connect, forward = make_forwarder(("127.0.0.1", 8080))
    capture = open_capture("portfwd.cap")
    loop.call_soon_threadsafe(connect)
    loop.call_soon_threadsafe(lambda: forward(b"GET / HTTP/1.0\r\n\r\n") and None)
    try:
        for _ in range(10):
            loop.run_once(0.1)
    finally:
        close_endpoint(capture)
        close_endpoint(os.open(os.devnull, os.O_RDONLY))


if __name__ == "__main__":
    main()
