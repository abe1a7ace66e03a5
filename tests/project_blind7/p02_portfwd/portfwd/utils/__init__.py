from .addr import parse_hostport
from .log import get_logger

__all__ = ["get_logger", "parse_hostport"]
