"""memcell - a small memcached text-protocol client.

    >>> from memcell import Client
    >>> mc = Client("127.0.0.1", 11211)
    >>> mc.set("greeting", b"hello")
    True
"""
from .client import Client
from .connection import DEFAULT_PORT, Connection, connect
from .protocol import ProtocolError, Value

__all__ = [
    "Client",
    "Connection",
    "DEFAULT_PORT",
    "ProtocolError",
    "Value",
    "connect",
    "__version__",
]

__version__ = "0.9.2"
