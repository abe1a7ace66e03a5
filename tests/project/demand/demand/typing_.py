"""Type aliases beside socket code: the module mentions sockets, its aliases give none."""
import socket
from typing import Union

Address = Union[str, tuple]
Port = int


def probe(host: Address) -> socket.socket:
    return socket.create_connection((host, 80))
