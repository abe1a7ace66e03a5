"""relay: forward bytes between a TCP peer and local descriptors."""

from .channel import Channel
from .net import connect as open_connection
from .net import DEFAULT_PORT

__all__ = ["Channel", "open_connection", "DEFAULT_PORT"]
__version__ = "0.4.1"
