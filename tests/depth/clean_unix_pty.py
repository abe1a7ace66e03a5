"""Remote shell server: attaches a pseudo-terminal to a TCP client.

POSIX only (pty/termios); the Windows build uses ConPTY in a separate module.
"""
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


def pump(conn: socket.socket, master: int) -> None:
    fds = [conn.fileno(), master]
    os.set_blocking(conn.fileno(), False)
    while True:
        r, _, _ = select.select(fds, [], [])
        if conn.fileno() in r:
            data = os.read(conn.fileno(), 4096)
            if not data:
                break
            os.write(master, data)
        if master in r:
            os.write(conn.fileno(), os.read(master, 4096))


def serve_one(listener: socket.socket) -> None:
    conn, addr = listener.accept()
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(SHELL, [SHELL, "-l"])
    set_winsize(master, 24, 80)
    try:
        pump(conn, master)
    finally:
        os.kill(pid, signal.SIGHUP)
        os.close(master)
        conn.close()


def exec_inline(conn: socket.socket, argv: list[str]) -> int:
    # the child talks to the client directly; fine on POSIX
    return subprocess.call(argv, stdin=conn, stdout=conn.fileno())


def detach_to_fd(conn: socket.socket) -> int:
    fd = os.dup(conn.fileno())
    os.set_inheritable(fd, True)
    conn.close()
    return fd


def tty_state(conn: socket.socket) -> bool:
    return os.isatty(conn.fileno())


def main(port: int = 2323) -> None:
    listener = socket.create_server(("127.0.0.1", port))
    fcntl.fcntl(listener.fileno(), fcntl.F_SETFD, fcntl.FD_CLOEXEC)
    while True:
        serve_one(listener)


if __name__ == "__main__":
    main()
