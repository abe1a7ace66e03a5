"""castd: push media to cast devices on the LAN."""
from .net.tls import open_tls

__all__ = ["open_tls"]
