"""Look-alikes: isinstance routing done right, dictionaries of other things, unknown extras."""
import os
import socket
import subprocess
from typing import Union

Streamish = Union[socket.socket, int]


def read_correctly(s: Streamish, n: int = 4096) -> bytes:
    if isinstance(s, socket.socket):
        return s.recv(n)
    return os.read(s, n)


def read_as_routed(s: Streamish) -> bytes:
    data = s.recv(10) if isinstance(s, socket.socket) else os.read(s, 10)
    return data


def unknown_before_the_test(s, n: int = 4096) -> bytes:
    fd = s.fileno() if hasattr(s, "fileno") else s  # no evidence of a socket either way
    return os.read(fd, n)


def opts_overridden(cmd, conn: socket.socket):
    opts = {"stdout": conn}
    opts["stdout"] = subprocess.PIPE  # a dictionary changed: what it passes cannot be told
    return subprocess.call(cmd, **opts)


def opts_unknown(cmd, conn: socket.socket, extra):
    opts = {"stdin": subprocess.DEVNULL}
    opts.update(extra)
    return subprocess.call(cmd, stdout=subprocess.PIPE, **opts)


def extras(cmd, *streams):
    return subprocess.Popen(cmd, stdin=streams[0])


def call_extras(cmd, log):
    extras(cmd, open(log, "rb"))
