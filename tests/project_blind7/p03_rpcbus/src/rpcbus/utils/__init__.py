from .backoff import Backoff

__all__ = ["Backoff"]
