"""Unix-only front end."""

import socket
import sys

if sys.platform == "win32":
    raise ImportError("forkd.unix_server is POSIX only")

from .compat import close_fd, write_fd  # noqa: E402


def serve_unix(path):
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(16)
    conn, _ = srv.accept()
    write_fd(conn.fileno(), b"hello\n")
    close_fd(conn.detach())
