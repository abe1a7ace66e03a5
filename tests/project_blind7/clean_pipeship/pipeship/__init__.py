"""pipeship - ship log records to a TCP collector."""
from .net import TcpShipper
from .pipes import PipeSink, PipeSource
from .shipper import forward, ship_command

__all__ = ["PipeSink", "PipeSource", "TcpShipper", "forward", "ship_command", "__version__"]
__version__ = "3.0.2"
