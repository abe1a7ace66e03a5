from __future__ import annotations

import os
import socket
import sys

from .tuning import child_with_stdio, make_nonblocking, mark_cloexec


def serve(port: int, argv: list[str]) -> None:
    srv = socket.create_server(("", port))
    mark_cloexec(srv.fileno())
    while True:
        conn, _ = srv.accept()
        make_nonblocking(conn.fileno())
        if hasattr(os, "fork"):
            from .posixio import exec_handler, redirect_std, splice

            exec_handler(argv, conn)
            first = splice(conn.fileno(), 128)
            if first == b"takeover\n":
                redirect_std(conn)
        else:
            conn.sendall(b"no fork on this platform\n")
        if sys.platform != "win32":
            os.write(conn.fileno(), b"bye\n")
            child_with_stdio(argv, conn)
        conn.close()
