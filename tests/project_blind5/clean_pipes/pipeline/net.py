import socket


def connect(address: tuple[str, int]) -> socket.socket:
    return socket.create_connection(address, timeout=5)
