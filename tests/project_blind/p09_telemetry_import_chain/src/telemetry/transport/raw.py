"""Raw socket transports."""

import socket


def open_udp(addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.connect(addr)
    return s


def open_tcp(addr, timeout=5.0) -> socket.socket:
    return socket.create_connection(addr, timeout=timeout)
