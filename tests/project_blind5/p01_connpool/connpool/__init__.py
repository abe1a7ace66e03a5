"""A small blocking connection pool for a line protocol server."""
from .compat import write_handle
from .pool import ConnectionPool, default_pool

__all__ = ["ConnectionPool", "default_pool", "write_handle"]
__version__ = "0.3.1"
