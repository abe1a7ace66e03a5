"""pipeline: staged byte pipelines over pipes, files and named pipes."""
from .compat import write_handle
from .sources import Channel, PipeEnd, named_pipe, open_pipe

__all__ = ["Channel", "PipeEnd", "named_pipe", "open_pipe", "write_handle"]
