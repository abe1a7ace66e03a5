"""Cross-platform accept loop."""

import os
import socket
import subprocess
import sys

from forkd import compat


def serve(port):
    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()
        compat.nonblock(conn.fileno())
        if hasattr(os, "fork"):
            from forkd import posix

            posix.handoff(conn)
            compat.redirect(conn)
        if sys.platform != "win32":
            compat.write_fd(conn.fileno(), b"served by the fork pool\n")
            compat.close_fd(conn.detach())
            continue
        proc = subprocess.Popen([sys.executable, "-m", "forkd.worker"], stdin=subprocess.PIPE)
        proc.stdin.write(conn.share(proc.pid))
        proc.stdin.close()
        conn.close()


def cgi(conn_factory):
    conn = conn_factory()
    compat.close_fd(conn.fileno())
