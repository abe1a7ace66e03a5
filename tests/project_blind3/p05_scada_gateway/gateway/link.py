"""Bottom of the client mixin stack: owns the TCP link."""
import socket

MODBUS_PORT = 502


class LinkMixin:
    sock = None

    def open_link(self, host, port=MODBUS_PORT, timeout=3.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def close_link(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None
