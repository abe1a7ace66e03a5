"""Tiny event bus used by a chat relay; handlers are registered with a
decorator and run when the accept loop emits events."""
from __future__ import annotations

import collections
import functools
import os
import socket
from typing import Callable

Handler = Callable[..., None]


class EventBus:
    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = collections.defaultdict(list)

    def on(self, event: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self._handlers[event].append(fn)
            return fn

        return register

    def emit(self, event: str, *args) -> None:
        for fn in list(self._handlers[event]):
            fn(*args)


bus = EventBus()
_cleanups: list[Callable[[], None]] = []


@bus.on("accepted")
def _configure(conn, addr) -> None:
    os.set_blocking(conn.fileno(), False)  # error: WSK205


@bus.on("accepted")
def _register_cleanup(conn, addr) -> None:
    fd = conn.fileno()
    _cleanups.append(lambda: os.close(fd))  # error: WSK205


def _write_all(prefix: bytes, fd: int, payload: bytes) -> None:
    view = memoryview(prefix + payload)
    while view:
        sent = os.write(fd, view)  # error: WSK201
        view = view[sent:]


@bus.on("message")
def _broadcast(sender, payload: bytes, peers) -> None:
    for peer in peers:
        if peer is sender:
            continue
        send = functools.partial(functools.partial(_write_all, b"> "), peer.fileno())
        send(payload)


def run(port: int) -> None:
    listener = socket.create_server(("", port))
    peers = []
    try:
        while True:
            conn, addr = listener.accept()
            peers.append(conn)
            bus.emit("accepted", conn, addr)
            data = conn.recv(4096)
            if data:
                bus.emit("message", conn, data, peers)
    finally:
        for fn in _cleanups:
            fn()
        listener.close()


if __name__ == "__main__":
    run(6667)
