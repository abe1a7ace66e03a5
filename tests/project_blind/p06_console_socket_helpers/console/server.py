"""Accept console clients and give each one a shell."""

import logging
import os
import socket

from console import stdio

log = logging.getLogger(__name__)

SHELL = ["cmd.exe", "/Q"] if os.name == "nt" else ["/bin/sh", "-i"]


def serve(port=2323):
    srv = socket.create_server(("", port))
    while True:
        conn, addr = srv.accept()
        log.info("console client from %s", addr[0])
        if os.environ.get("CONSOLE_MODE") == "exec":
            stdio.dup_to_stdio(conn)  # error: WSK202
            os.execvp(SHELL[0], SHELL)
        proc = stdio.spawn_shell(conn, SHELL)  # error: WSK301
        proc.wait()
        stdio.close_raw(conn)  # error: WSK205


def self_test():
    """Check that the shell starts at all, with no client attached."""
    with open(os.devnull, "r+b") as devnull:
        argv = ["cmd.exe", "/C", "exit 0"] if os.name == "nt" else ["/bin/sh", "-c", "exit 0"]
        proc = stdio.spawn_shell(devnull, argv)
        return proc.wait() == 0
