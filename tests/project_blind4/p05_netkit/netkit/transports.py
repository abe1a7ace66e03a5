"""Transport kinds and the factory behind each."""
from __future__ import annotations

import enum
import socket


def _open_tcp(host, port):
    return socket.create_connection((host, port), timeout=10)


def _open_udp(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect((host, port))
    return sock


class Transport(enum.Enum):
    TCP = "tcp"
    UDP = "udp"

    def open(self, host: str, port: int):
        return _FACTORIES[self](host, port)

    @property
    def reliable(self) -> bool:
        return self is Transport.TCP


_FACTORIES = {
    Transport.TCP: _open_tcp,
    Transport.UDP: _open_udp,
}
