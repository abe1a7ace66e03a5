"""Re-exec support; POSIX only."""

import os
import sys

if sys.platform == "win32":
    raise ImportError("daemon.unixonly is not available on Windows")

import fcntl  # noqa: E402


def reexec_with(conn):
    """Replace this process with a fresh copy that adopts ``conn``."""
    fd = conn.fileno()
    flags = fcntl.fcntl(fd, fcntl.F_GETFD)
    fcntl.fcntl(fd, fcntl.F_SETFD, flags & ~fcntl.FD_CLOEXEC)
    os.set_inheritable(fd, True)
    os.execv(sys.executable, [sys.executable, "-m", "daemon.main", "--adopt", str(fd)])
