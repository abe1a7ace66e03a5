"""Web-terminal backend: one pseudo-terminal per TCP session.

The browser front-end connects over a TCP socket (behind the websocket
proxy); this module bridges that socket to a shell running on a pty.
POSIX only: it needs pty, termios and fcntl.
"""
from __future__ import annotations

import errno
import fcntl
import os
import pty
import select
import signal
import socket
import struct
import subprocess
import termios

SHELL = os.environ.get("SHELL", "/bin/sh")


def set_winsize(fd: int, rows: int, cols: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def bridge(conn: socket.socket, master_fd: int) -> None:
    os.set_blocking(conn.fileno(), False)
    os.set_blocking(master_fd, False)
    while True:
        readable, _, _ = select.select([conn, master_fd], [], [], 30)
        if conn in readable:
            data = os.read(conn.fileno(), 4096)
            if not data:
                return
            if data.startswith(b"\x1b[8;"):
                rows, cols = data[4:].rstrip(b"t").split(b";")
                set_winsize(master_fd, int(rows), int(cols))
                continue
            os.write(master_fd, data)
        if master_fd in readable:
            try:
                out = os.read(master_fd, 4096)
            except OSError as exc:
                if exc.errno == errno.EIO:
                    return
                raise
            os.write(conn.fileno(), out)


def run_session(conn: socket.socket) -> None:
    pid, master_fd = pty.fork()
    if pid == 0:
        os.execvp(SHELL, [SHELL, "-l"])
    try:
        bridge(conn, master_fd)
    finally:
        os.close(master_fd)
        os.kill(pid, signal.SIGHUP)
        os.waitpid(pid, 0)


def run_plain(conn: socket.socket, argv: list[str]) -> int:
    """Non-interactive commands skip the pty and talk to the socket directly."""
    flags = fcntl.fcntl(conn.fileno(), fcntl.F_GETFD)
    fcntl.fcntl(conn.fileno(), fcntl.F_SETFD, flags & ~fcntl.FD_CLOEXEC)
    return subprocess.call(argv, stdin=conn, stdout=conn.fileno(), stderr=subprocess.STDOUT)


def serve(port: int = 7681) -> None:
    listener = socket.create_server(("127.0.0.1", port))
    os.set_inheritable(listener.fileno(), False)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    while True:
        conn, _addr = listener.accept()
        if os.fork() == 0:
            listener.close()
            first = conn.recv(1, socket.MSG_PEEK)
            if first == b"!":
                conn.recv(1)
                os._exit(run_plain(conn, ["/usr/bin/env", "uptime"]))
            run_session(conn)
            os._exit(0)
        conn.close()


if __name__ == "__main__":
    serve()
