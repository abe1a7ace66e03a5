"""Local control endpoint of the agent (Windows service build)."""

import logging
import socket

from .compat import redirect, win_write

log = logging.getLogger(__name__)
CONTROL_PORT = 47001


def serve_once(listener: socket.socket) -> None:
    conn, peer = listener.accept()
    log.info("control client %s", peer)
    win_write(conn.fileno(), b"READY\r\n")  # error: WSK102
    command = conn.recv(256).strip()
    conn.sendall(b"OK " + command + b"\r\n")
    conn.close()


def debug_console(listener: socket.socket) -> None:
    """Attach a debugging client to the agent's stdout."""
    conn, _ = listener.accept()
    redirect(conn.fileno(), 1)  # error: WSK202
    print("debug console attached", flush=True)


def run():
    listener = socket.create_server(("127.0.0.1", CONTROL_PORT))
    while True:
        serve_once(listener)
