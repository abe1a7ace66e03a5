from __future__ import annotations

import os
import platform
import subprocess


def make_nonblocking(fd):
    if platform.system() == "Windows":
        return
    os.set_blocking(fd, False)


def child_with_stdio(argv, conn):
    if not hasattr(os, "fork"):
        raise RuntimeError("child_with_stdio needs fork()")
    return subprocess.Popen(argv, stdin=conn, close_fds=True)


def mark_cloexec(fd):
    if os.name == "posix":
        os.set_inheritable(fd, False)
