from .format import format_metric
from .timing import Stopwatch

__all__ = ["Stopwatch", "format_metric"]
