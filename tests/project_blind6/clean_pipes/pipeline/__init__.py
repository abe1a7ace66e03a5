"""pipeline: the same plumbing as relay, over pipes and files."""

from .channels import PipeEnd, open_pipe as open_channel
from .compat import write_handle

__all__ = ["PipeEnd", "open_channel", "write_handle"]
