import socket


def connect(host: str) -> socket.socket:
    return socket.create_connection((host, 80))


def listener(port):
    return socket.create_server(("", port))


class Transport:
    def __init__(self, host):
        self.sock = socket.create_connection((host, 443))
        self.log = open("transport.log", "ab")
