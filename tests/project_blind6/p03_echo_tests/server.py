"""Single-threaded echo server used by the integration tests."""

from __future__ import annotations

import socket
import threading

BACKLOG = 16


def make_listener(port: int = 0, host: str = "127.0.0.1"):
    return socket.create_server((host, port), backlog=BACKLOG)


def accept_one(listener: socket.socket):
    conn, addr = listener.accept()
    conn.settimeout(10)
    return conn, addr


def serve_forever(listener, stop: threading.Event) -> None:
    while not stop.is_set():
        conn, _ = accept_one(listener)
        with conn:
            while chunk := conn.recv(4096):
                conn.sendall(chunk)
