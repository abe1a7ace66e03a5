"""Tuning helpers: descriptor calls only off Windows."""

from __future__ import annotations

import os
import subprocess
import sys

from guardnet import compat


def make_cloexec(sock) -> None:
    if compat.IS_WINDOWS:
        return
    os.set_inheritable(sock.fileno(), False)


def nonblock(sock) -> None:
    if compat.is_windows():
        sock.setblocking(False)
        return
    os.set_blocking(sock.fileno(), False)


def fork_worker(sock) -> int:
    if not compat.HAS_FORK:
        raise RuntimeError("fork() is not available")
    pid = os.fork()
    if pid == 0:
        os.dup2(sock.fileno(), 3)
        os._exit(0)
    return pid


def exec_with_stdio(sock, argv: list[str]) -> int:
    if compat.IS_POSIX:
        return subprocess.call(argv, stdin=sock, stdout=subprocess.DEVNULL)
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE)
    proc.communicate(sock.recv(65536))
    return proc.returncode


def describe(sock) -> str:
    if sys.platform != "win32":
        st = os.fstat(sock.fileno())
        return f"mode={st.st_mode:o}"
    return "socket"
