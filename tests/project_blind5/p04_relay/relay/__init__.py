"""relay: forward bytes between two TCP peers."""
from .core import *
from .fdio import *

__all__ = ["Relay", "open_client", "pump", "drain"]
