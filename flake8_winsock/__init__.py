"""flake8-winsock: find Windows socket handles handed to non-Winsock APIs."""

from .check import check_source
from .finding import Finding

__version__ = "0.1.0"
__all__ = ["Finding", "check_source", "__version__"]
