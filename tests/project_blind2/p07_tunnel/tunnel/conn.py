from __future__ import annotations

import contextlib
import socket


@contextlib.contextmanager
def dialed(address, timeout=10):
    s = socket.create_connection(address, timeout=timeout)
    try:
        yield s
    finally:
        s.close()


def incoming(host, port, backlog=16):
    srv = socket.create_server((host, port), backlog=backlog)
    with srv:
        while True:
            conn, _addr = srv.accept()
            yield conn
