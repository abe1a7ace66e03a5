"""Transports to the field-device gateway."""

import logging
import socket

log = logging.getLogger(__name__)


class Transport:
    """A connected TCP transport to the gateway."""

    def __init__(self, host, port, timeout=5.0):
        self.host = host
        self.port = port
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect((host, port))
        log.info("connected to gateway %s:%d", host, port)

    def send(self, data):
        self.sock.sendall(data)

    def recv(self, size=4096):
        return self.sock.recv(size)

    def close(self):
        self.sock.close()


class FileTransport:
    """Replay transport used in the lab: a capture file instead of a gateway."""

    def __init__(self, path):
        self.path = path
        self.sock = open(path, "r+b")

    def send(self, data):
        self.sock.write(data)

    def recv(self, size=4096):
        return self.sock.read(size)

    def close(self):
        self.sock.close()
