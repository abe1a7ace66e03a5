"""flake8-winsock: find Windows socket handles handed to non-Winsock APIs."""

__version__ = "0.1.0"

from .check import check_source  # noqa: E402 - the version first: the cache reads it
from .finding import Finding  # noqa: E402
__all__ = ["Finding", "check_source", "__version__"]
