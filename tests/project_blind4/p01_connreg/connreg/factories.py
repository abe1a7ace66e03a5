"""Built-in schemes. Importing this module registers them."""
import socket

from .registry import connection_factory

DEFAULT_TIMEOUT = 5.0


@connection_factory("tcp")
def open_tcp(host: str, port: int, timeout: float = DEFAULT_TIMEOUT):
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


@connection_factory("udp")
def open_udp(host, port, timeout=DEFAULT_TIMEOUT):
    family, type_, proto, _canon, addr = socket.getaddrinfo(
        host, port, type=socket.SOCK_DGRAM
    )[0]
    sock = socket.socket(family, type_, proto)
    sock.settimeout(timeout)
    sock.connect(addr)
    return sock
