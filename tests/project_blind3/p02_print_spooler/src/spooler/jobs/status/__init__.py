from .poll import poll_status

__all__ = ["poll_status"]
