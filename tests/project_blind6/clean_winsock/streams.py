"""File-like access and child processes, without handing over handles."""

from __future__ import annotations

import io
import subprocess
import sys

import sockets


def lines(addr: tuple[str, int]) -> list[str]:
    s = sockets.dial(addr)
    with s, s.makefile("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8")
        return text.readlines()


def relay_child(addr: tuple[str, int], argv: list[str]) -> int:
    s = sockets.dial(addr)
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = proc.communicate(s.recv(65536))
    s.sendall(out)
    s.close()
    return proc.returncode


def share_child(addr: tuple[str, int]) -> int:
    s = sockets.dial(addr)
    proc = subprocess.Popen(
        [sys.executable, "-c", "import socket,sys; socket.fromshare(sys.stdin.buffer.read())"],
        stdin=subprocess.PIPE,
    )
    proc.communicate(s.share(proc.pid))
    return proc.returncode
