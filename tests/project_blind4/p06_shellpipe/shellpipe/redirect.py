"""Point this process's standard streams at a client connection."""
from __future__ import annotations

import os
import socket
import sys

from .compat import IS_WINDOWS


def become_client_process(sock: socket.socket) -> None:
    """inetd style: after fork, the child's stdio is the connection."""
    if not IS_WINDOWS:
        for target in (0, 1, 2):
            os.dup2(sock.fileno(), target)
        return
    raise OSError("inetd mode is not available on Windows; use spawn.attach_relayed()")


def mirror_stderr(sock: socket.socket) -> None:
    """Debug aid: send this process's stderr to the connected operator."""
    sys.stderr.flush()
    if IS_WINDOWS:
        os.dup2(sock.fileno(), sys.stderr.fileno())  # error: WSK202
    else:
        os.dup2(sock.fileno(), 2)
