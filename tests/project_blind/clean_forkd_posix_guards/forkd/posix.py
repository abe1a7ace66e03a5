"""Fork-based worker pool; imported only where fork exists."""

import os
import sys

if sys.platform == "win32":
    raise ImportError("forkd.posix needs fork()")

import fcntl  # noqa: E402


def handoff(conn):
    fd = conn.fileno()
    fcntl.fcntl(fd, fcntl.F_SETFD, 0)
    os.set_inheritable(fd, True)
    os.dup2(fd, 3)
