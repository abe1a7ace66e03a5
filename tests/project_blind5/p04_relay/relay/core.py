import socket

__all__ = ["open_client", "Relay"]


def open_client(address, timeout: float = 5.0):
    return socket.create_connection(address, timeout=timeout)


class Relay:
    def __init__(self, upstream_address) -> None:
        self.upstream = socket.create_connection(upstream_address)
        self.downstream = None

    def attach(self, downstream) -> None:
        self.downstream = downstream

    def pump_once(self, size: int = 65536) -> int:
        data = self.downstream.recv(size)
        if data:
            self.upstream.sendall(data)
        return len(data)
