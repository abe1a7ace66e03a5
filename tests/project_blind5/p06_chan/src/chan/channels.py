import socket

from .base import Channel
from .mixins import HandleMixin


class TcpChannel(HandleMixin, Channel):
    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(f"tcp:{address[0]}:{address[1]}")
        self.sock = socket.create_connection(address)

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)
        self.sent += len(data)
