"""Mixins for channels that own a socket."""
import socket


class HandleMixin:
    sock: socket.socket

    def handle(self) -> int:
        return self.sock.fileno()

    def raw_fd(self) -> int:
        return self.handle()
