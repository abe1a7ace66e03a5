"""relay: forward job results from build agents to the collector."""

from .net import connect, listen

__all__ = ["connect", "listen", "__version__"]
__version__ = "0.4.2"
