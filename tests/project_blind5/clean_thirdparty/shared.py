"""Socket constructors used by the Winsock-correct code in winsock_ok.py."""
import socket


def listen(port: int) -> socket.socket:
    return socket.create_server(("127.0.0.1", port))


def connect(address: tuple[str, int]) -> socket.socket:
    return socket.create_connection(address, timeout=5)
