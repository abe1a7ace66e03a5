from .mail import open_smtp
from .web import open_http

__all__ = ["open_http", "open_smtp"]
