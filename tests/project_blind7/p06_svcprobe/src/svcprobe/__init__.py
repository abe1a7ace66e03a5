"""svcprobe - harness for testing line-based TCP services."""
from .harness import EchoServer, LineClient
from .net import accept_loop, connected, free_port

__all__ = ["EchoServer", "LineClient", "accept_loop", "connected", "free_port", "__version__"]
__version__ = "1.1.0"
