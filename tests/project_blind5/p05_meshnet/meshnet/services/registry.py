"""Transport factories by name."""
import socket


def _tcp() -> socket.socket:
    return socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def _udp() -> socket.socket:
    return socket.socket(socket.AF_INET, socket.SOCK_DGRAM)


TRANSPORTS = {"tcp": _tcp, "udp": _udp}


def create(kind: str):
    try:
        factory = TRANSPORTS[kind]
    except KeyError:
        raise ValueError(f"unknown transport {kind!r}") from None
    return factory()
