"""Glue: the same socket goes through every guarded helper."""

from __future__ import annotations

import os

from guardnet import compat
from guardnet.net import Conn, connect
from guardnet.net import routing, tuning

try:
    from guardnet.net.unix import fdpass
except ImportError:
    fdpass = None


def prepare(addr: tuple[str, int]):
    s = connect(addr)
    tuning.make_cloexec(s)
    tuning.nonblock(s)
    tuning.describe(s)
    routing.write_any(s, b"hello")
    routing.read_any(s, 16)
    return s


def attach_stdio(addr: tuple[str, int]) -> None:
    s = connect(addr)
    if fdpass is not None:
        fdpass.redirect_stdio(s)
        fdpass.set_nonblock(s)


def child(addr: tuple[str, int]) -> int:
    c = Conn(addr)
    if compat.HAS_FORK:
        return tuning.fork_worker(c.sock)
    return tuning.exec_with_stdio(c.sock, ["worker"])


def close_all(addr: tuple[str, int]) -> None:
    c = Conn(addr)
    r, w = os.pipe()
    routing.close_any(c.sock)
    routing.close_any(r)
    routing.write_any(w, b"")
    if not compat.IS_WINDOWS:
        os.set_inheritable(c.fd, True)
