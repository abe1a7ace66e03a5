from __future__ import annotations

import os

from relayd.factory import Endpoint


def hard_close(ep: Endpoint) -> None:
    """Drop the connection without the socket object's shutdown dance."""
    fd = ep.sock.detach()
    os.close(fd)  # error: WSK205


def close_log(log_fd: int) -> None:
    os.fsync(log_fd)
    os.close(log_fd)
