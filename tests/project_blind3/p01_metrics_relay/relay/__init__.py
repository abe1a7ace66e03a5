"""metrics-relay: forwards statsd lines to a local agent or a file spool."""
from .transports.registry import FACTORIES, scheme_of

__all__ = ["FACTORIES", "scheme_of"]
__version__ = "0.4.2"
