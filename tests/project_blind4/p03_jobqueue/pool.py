"""Process-wide broker pool, created on first use."""
import atexit
import os

from conns import ConnectionPool

_POOL = None


def get_pool():
    global _POOL
    if _POOL is None:
        host = os.environ.get("JOBQ_BROKER_HOST", "127.0.0.1")
        port = int(os.environ.get("JOBQ_BROKER_PORT", "7410"))
        _POOL = ConnectionPool((host, port), size=int(os.environ.get("JOBQ_POOL_SIZE", "4")))
        atexit.register(_POOL.close_all)
    return _POOL


def reset_pool() -> None:
    """Tests call this after changing JOBQ_* variables."""
    global _POOL
    if _POOL is not None:
        _POOL.close_all()
    _POOL = None
