"""tallyho - statsd client and aggregator."""
from .aggregator import Aggregator
from .client import StatsClient
from .transport import MeteredSocket, UDPTransport

__all__ = ["Aggregator", "MeteredSocket", "StatsClient", "UDPTransport", "__version__"]
__version__ = "1.8.0"
