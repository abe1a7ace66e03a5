"""Accept one control connection and attach it to the daemon's stdio."""

from __future__ import annotations

import os
import sys

import compat
import netutil


def detach_stdio(conn) -> None:
    if not compat.is_posix():
        return
    os.dup2(conn.fileno(), 0)
    os.dup2(conn.fileno(), 1)


def attach(port: int) -> None:
    with netutil.Listening(port) as srv:
        conn, _ = srv.accept()
        os.dup2(conn.fileno(), sys.stdout.fileno())  # error: WSK202
        detach_stdio(conn)


def attach_relay(port: int) -> None:
    with netutil.Listening(port) as srv:
        conn, _ = srv.accept()
        with conn:
            for line in sys.stdin.buffer:
                conn.sendall(line)
