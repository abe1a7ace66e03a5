"""spooler: queue print jobs through a pipe to the print daemon."""

from .queue import JobQueue

__all__ = ["JobQueue"]
