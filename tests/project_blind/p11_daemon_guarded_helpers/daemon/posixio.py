"""Descriptor plumbing for the daemon.

Mostly POSIX; the Windows build gets fallbacks where they exist.
"""

import os
import sys

if sys.platform == "win32":
    import win32file


if sys.platform != "win32":

    def bind_stdio(conn):
        """inetd style: make the connection the process's stdin and stdout."""
        for target in (0, 1):
            os.dup2(conn.fileno(), target)

else:

    def bind_stdio(conn):
        raise OSError("stdio binding needs a POSIX host")


def make_nonblocking(fd):
    if os.name == "nt":
        return
    os.set_blocking(fd, False)


def push(handle, data):
    """Write ``data`` with the platform's native call."""
    if sys.platform == "win32":
        win32file.WriteFile(handle, data)
    else:
        os.write(handle, data)


def mark_inheritable(fd):
    if sys.platform == "darwin":
        # launchd hands descriptors to the child itself
        return
    os.set_inheritable(fd, True)


def send_raw(fd, data):
    os.write(fd, data)
