"""A relay: sockets made in net, used in worker and server."""
from .net import connect

__all__ = ["connect"]
