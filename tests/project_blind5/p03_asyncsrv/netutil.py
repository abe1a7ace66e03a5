"""Socket construction helpers for the probe server."""
import socket

# Created at import time; main.py binds it and hands it to the worker process.
LISTENER = socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def open_listener(port: int) -> socket.socket:
    return socket.create_server(("127.0.0.1", port))


def accept_one(listener: socket.socket):
    """Block for one client; returns (conn, addr)."""
    return listener.accept()


def make_pair():
    return socket.socketpair()
