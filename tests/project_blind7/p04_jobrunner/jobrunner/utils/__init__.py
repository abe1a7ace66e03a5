from . import wakeup
from .naming import worker_name

__all__ = ["wakeup", "worker_name"]
