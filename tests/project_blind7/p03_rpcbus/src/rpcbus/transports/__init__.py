from .base import Transport
from .pipe import PipeTransport
from .tcp import TcpTransport, open_tcp

__all__ = ["PipeTransport", "TcpTransport", "Transport", "open_tcp"]
