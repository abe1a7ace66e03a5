"""Beacon client: announce ourselves, run remote maintenance commands."""
from __future__ import annotations

import _winapi
import json
import platform
import subprocess
from dataclasses import dataclass

from .io.forward import forward_bytes
from .transports import Transport


def announce(host: str, port: int, payload: dict) -> None:
    conn = Transport.UDP.open(host, port)
    try:
        _winapi.WriteFile(conn.fileno(), json.dumps(payload).encode())  # error: WSK102
    finally:
        conn.close()


def run_maintenance(host: str, port: int, argv: list[str]) -> int:
    """The operator console sends the command's input over the connection."""
    conn = Transport["TCP"].open(host, port)
    with conn:
        return subprocess.call(argv, stdin=conn, stdout=subprocess.DEVNULL)  # error: WSK301


@dataclass
class Session:
    sock: object
    peer: tuple[str, int]

    def close(self) -> None:
        self.sock.close()


def open_session(kind: str, host: str, port: int) -> Session:
    return Session(sock=Transport(kind).open(host, port), peer=(host, port))


def heartbeat(session: Session) -> int:
    info = f"{platform.node()} alive\n".encode()
    return forward_bytes(session, info)
