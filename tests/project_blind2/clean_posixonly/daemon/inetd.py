from __future__ import annotations

import os
import socket

if os.name == "nt":
    raise ImportError("daemon.inetd is POSIX only")


def handle_forever(port: int, argv: list[str]) -> None:
    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()
        pid = os.fork()
        if pid == 0:
            os.dup2(conn.fileno(), 0)
            os.dup2(conn.fileno(), 1)
            os.execvp(argv[0], argv)
        conn.close()
