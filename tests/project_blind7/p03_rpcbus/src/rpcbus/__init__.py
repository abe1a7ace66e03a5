"""rpcbus - JSON-RPC over TCP and named pipes."""
from .client import Client, RemoteError
from .server import Server, make_listener
from .transports import *  # noqa: F401,F403
from .transports import __all__ as _transport_names

__all__ = ["Client", "RemoteError", "Server", "make_listener", *_transport_names]
__version__ = "2.3.0"
