"""Remote terminal bridge for ``conch`` agents (Linux and macOS only).

Sockets are plain descriptors here, so the bridge shovels bytes with
``os.read``/``os.write`` and hands the connection to ``login`` directly.
"""
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


def bridge(conn: socket.socket, argv: list[str]) -> int:
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    attrs = termios.tcgetattr(master)
    tty.setraw(master)
    os.set_blocking(conn.fileno(), False)
    try:
        while True:
            readable, _, _ = select.select([conn, master], [], [])
            if conn in readable:
                data = os.read(conn.fileno(), 4096)
                if not data:
                    break
                os.write(master, data)
            if master in readable:
                os.write(conn.fileno(), os.read(master, 4096))
    finally:
        termios.tcsetattr(master, termios.TCSAFLUSH, attrs)
        os.close(master)
    _, status = os.waitpid(pid, 0)
    return status


def login_shell(conn: socket.socket) -> subprocess.Popen:
    set_cloexec(conn.fileno())
    os.set_inheritable(conn.fileno(), True)
    return subprocess.Popen(["/bin/login"], stdin=conn, stdout=conn, stderr=conn, close_fds=False)


def is_terminal(conn: socket.socket) -> bool:
    return os.isatty(conn.fileno())


def serve(port: int = 2201) -> None:
    listener = socket.create_server(("", port))
    set_cloexec(listener.fileno())
    while True:
        conn, _ = listener.accept()
        if is_terminal(conn):
            conn.close()
            continue
        bridge(conn, ["/bin/sh", "-l"])
        conn.close()
