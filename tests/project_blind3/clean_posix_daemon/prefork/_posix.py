"""Process plumbing. This module is imported only on POSIX."""
import sys

if sys.platform == "win32":
    raise ImportError("prefork does not support Windows; use a thread pool server")

import os
import socket

from .fdtools import make_inheritable, write_all


def bind_listener(port, backlog=128):
    s = socket.create_server(("", port), backlog=backlog, reuse_port=True)
    make_inheritable(s.fileno())
    return s


def redirect_stdio(conn):
    """Make the accepted connection the worker's stdin/stdout (inetd style)."""
    os.dup2(conn.fileno(), 0)
    os.dup2(conn.fileno(), 1)


def greet(conn, text):
    write_all(conn.fileno(), text.encode("utf-8"))


def fork_workers(listener, n):
    pids = []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            serve_forever(listener)
            os._exit(0)
        pids.append(pid)
    return pids


def serve_forever(listener):
    while True:
        conn, _addr = listener.accept()
        greet(conn, "220 ready\r\n")
        os.close(conn.fileno())
        conn.detach()
