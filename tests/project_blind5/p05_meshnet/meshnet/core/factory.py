"""Builds connections and wraps them in records."""
import socket
from contextlib import contextmanager

from .records import Endpoint, Peer


def dial(address: tuple[str, int]) -> Endpoint:
    return Endpoint(sock=socket.create_connection(address), address=address)


def make_peer(name: str, address: tuple[str, int]) -> Peer:
    s = socket.create_connection(address)
    # The peer table only keeps the raw handle; the socket object lets go of it.
    return Peer(name=name, fd=s.detach())


@contextmanager
def session(address: tuple[str, int]):
    s = socket.create_connection(address)
    try:
        yield s
    finally:
        s.close()


def accept_forever(port: int):
    srv = socket.create_server(("0.0.0.0", port))
    with srv:
        while True:
            conn, _addr = srv.accept()
            yield conn
