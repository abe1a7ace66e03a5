from .timeouts import Deadline, wait_for

__all__ = ["Deadline", "wait_for"]
