"""Platform helpers."""

import os
import sys

if os.name == "posix":

    def redirect(sock):
        """Point stdout at the connection (used by CGI-style handlers)."""
        os.dup2(sock.fileno(), 1)

else:

    def redirect(sock):
        raise NotImplementedError("CGI-style handlers need POSIX")


def nonblock(fd):
    if sys.platform == "win32":
        return
    os.set_blocking(fd, False)


def write_fd(fd, data):
    os.write(fd, data)


def close_fd(fd):
    if os.name != "posix":
        raise RuntimeError("descriptor-level close is POSIX only")
    os.close(fd)
