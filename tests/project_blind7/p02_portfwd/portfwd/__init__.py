"""portfwd - a tiny TCP port forwarder."""
from .forwarder import Forwarder
from .net import dial, listen

__all__ = ["Forwarder", "dial", "listen", "__version__"]
__version__ = "1.4.0"
