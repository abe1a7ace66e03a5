from __future__ import annotations

import contextlib
import socket


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def connected(address, timeout: float = 5.0):
    """A connected client socket for the duration of the block."""
    sock = socket.create_connection(address, timeout=timeout)
    try:
        yield sock
    finally:
        sock.close()


def accept_loop(listener: socket.socket):
    """Yield accepted connections until the listener is closed."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        yield conn
