"""fdkit: a small pre-fork socket server toolkit."""
from .compat import IS_POSIX, IS_WINDOWS, is_posix

__all__ = ["IS_POSIX", "IS_WINDOWS", "is_posix"]
