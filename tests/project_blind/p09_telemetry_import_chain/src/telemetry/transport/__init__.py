"""Low-level transports."""

from .raw import open_tcp, open_udp

__all__ = ["open_tcp", "open_udp"]
