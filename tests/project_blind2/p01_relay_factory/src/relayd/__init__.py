"""relayd: forwards a local command's stdin/stdout to a remote relay endpoint."""

__version__ = "0.4.2"
