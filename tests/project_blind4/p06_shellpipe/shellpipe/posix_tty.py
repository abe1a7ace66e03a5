"""Interactive sessions through a pseudo-terminal."""
from __future__ import annotations

import os
import pty
import select
import socket
import termios


def run_interactive(sock: socket.socket, argv: list[str]) -> int:
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    saved = termios.tcgetattr(master)
    os.set_blocking(sock.fileno(), False)
    try:
        while True:
            readable, _, _ = select.select([sock, master], [], [])
            if sock in readable:
                data = os.read(sock.fileno(), 4096)
                if not data:
                    break
                os.write(master, data)
            if master in readable:
                try:
                    out = os.read(master, 4096)
                except OSError:
                    break
                if not out:
                    break
                os.write(sock.fileno(), out)
    finally:
        try:
            termios.tcsetattr(master, termios.TCSANOW, saved)
        except termios.error:
            pass
        os.close(master)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
