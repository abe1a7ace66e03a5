"""Hand accepted result-stream clients from the acceptor thread to the drainers."""
from __future__ import annotations

import contextvars
import queue
import socket
import threading
import time
from typing import TypedDict

INBOX: queue.Queue[socket.socket] = queue.Queue(maxsize=64)

CURRENT_CLIENT: contextvars.ContextVar[socket.socket] = contextvars.ContextVar("current_client")


class Peer(TypedDict):
    sock: socket.socket
    address: tuple[str, int]
    accepted_at: float


def describe(conn, address) -> Peer:
    return Peer(sock=conn, address=address, accepted_at=time.time())


def accept_forever(listener, stop: threading.Event) -> None:
    listener.settimeout(0.5)
    while not stop.is_set():
        try:
            conn, _addr = listener.accept()
        except TimeoutError:
            continue
        INBOX.put(conn)


def run_for_client(conn: socket.socket, handler) -> None:
    token = CURRENT_CLIENT.set(conn)
    try:
        handler()
    finally:
        CURRENT_CLIENT.reset(token)
