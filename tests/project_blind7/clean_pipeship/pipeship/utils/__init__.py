from .backoff import backoff_delays
from .fdio import drain, read_all

__all__ = ["backoff_delays", "drain", "read_all"]
