"""Moving sockets between processes the Winsock way."""

from __future__ import annotations

import multiprocessing
import socket

import sockets


def export_for(pid: int, port: int) -> bytes:
    listener = sockets.listen(port)
    return listener.share(pid)


def import_shared(blob: bytes) -> socket.socket:
    return socket.fromshare(blob)


def clone(peer: sockets.Peer) -> socket.socket:
    return peer.sock.dup()


def adopt(peer: sockets.Peer) -> socket.socket:
    h = peer.sock.detach()
    return socket.socket(fileno=h)


def twin(peer: sockets.Peer) -> socket.socket:
    return socket.fromfd(peer.handle, socket.AF_INET, socket.SOCK_STREAM)


def _serve(conn: socket.socket) -> None:
    with conn:
        conn.sendall(b"hi")


def to_worker(listener: socket.socket) -> multiprocessing.Process:
    peer = sockets.Peer.accept_from(listener)
    proc = multiprocessing.Process(target=_serve, args=(peer.sock,))
    proc.start()
    peer.sock.close()
    return proc
