from __future__ import annotations

import os
import socket
import subprocess
import sys

from . import compat, records, registry


def run_handler(listener: socket.socket, cmd: list[str]) -> int:
    peer = records.peer_from(listener)
    proc = subprocess.Popen(cmd, stdout=peer.sock)  # error: WSK301
    return proc.wait()


def drop(listener: socket.socket) -> None:
    peer = records.peer_from(listener)
    info = registry.describe(peer.sock)
    print("dropping", info["peer"], file=sys.stderr)
    os.close(info["fd"])  # error: WSK205


def clone_handle(listener: socket.socket) -> int:
    peer = records.peer_from(listener)
    if compat.IS_WINDOWS:
        return os.dup(peer.sock.fileno())  # error: WSK202
    return peer.sock.dup().detach()


def clone_handle_right(listener: socket.socket) -> socket.socket:
    peer = records.peer_from(listener)
    return peer.sock.dup()
