"""Hand accepted connections to child processes."""

from __future__ import annotations

import multiprocessing
import socket
from multiprocessing import reduction

from . import records


def _child(conn: socket.socket) -> None:
    with conn:
        conn.sendall(b"hello from child\n")


def spawn_duplicated(listener: socket.socket, target_process: int) -> int:
    peer = records.peer_from(listener)
    return reduction.duplicate(peer.sock.fileno(), target_process=target_process)  # error: WSK103


def spawn_pickled(listener: socket.socket) -> multiprocessing.Process:
    # Passing the socket object is fine: it pickles through DupSocket.
    peer = records.peer_from(listener)
    proc = multiprocessing.Process(target=_child, args=(peer.sock,))
    proc.start()
    return proc
