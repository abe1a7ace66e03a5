"""Sockets through factories, module globals set by an init function, popped list elements."""
import os
import socket
import subprocess
from dataclasses import dataclass
from typing import Callable, Optional

_carbon = None


@dataclass
class Config:
    sock: Optional[socket.socket] = None


_config: Optional[Config] = None


def flush(payload):  # runs before init() sets the globals: found all the same
    os.writev(_carbon.fileno(), [payload])  # error: WSK201
    cfg = _config
    os.write(cfg.sock.fileno(), payload)  # error: WSK201


def init(host):
    global _carbon, _config
    _carbon = socket.create_connection((host, 2003))
    _config = Config(sock=socket.socket(socket.AF_INET, socket.SOCK_DGRAM))


def test_factory(make_client: Callable[[], socket.socket]) -> None:
    client = make_client()
    os.get_inheritable(client.fileno())  # error: WSK205


def idle_connection(bucket: list[socket.socket]):
    conn = bucket.pop() if bucket else None
    if conn is not None:
        subprocess.run(["probe"], stdin=conn)  # error: WSK301


class Peer:
    def __init__(self):
        self.sock = socket.socket()


def forward_reference(peer: "Peer"):
    os.close(peer.sock.fileno())  # error: WSK205
