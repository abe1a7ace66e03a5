from .base import BaseTransport
from .tcp import TcpTransport

__all__ = ["BaseTransport", "TcpTransport"]
