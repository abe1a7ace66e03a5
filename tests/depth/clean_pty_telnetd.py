"""ptytelnetd -- a minimal telnet daemon running a login shell on a pty.

For lab machines only: no authentication beyond the shell's own.
"""

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

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
ECHO, SGA, NAWS = 1, 3, 31


def set_winsize(fd: int, rows: int, cols: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def strip_iac(data: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == IAC and i + 1 < len(data):
            i += 3 if data[i + 1] in (DO, DONT, WILL, WONT) else 2
            continue
        out.append(b)
        i += 1
    return bytes(out)


def serve_client(conn: socket.socket, shell: str = "/bin/sh") -> None:
    pid, master = pty.fork()
    if pid == 0:
        os.execv(shell, [shell, "-l"])
    cfd = conn.fileno()
    os.write(cfd, bytes([IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, NAWS]))
    set_winsize(master, 24, 80)
    try:
        while True:
            r, _, _ = select.select([cfd, master], [], [])
            if cfd in r:
                data = os.read(cfd, 4096)
                if not data:
                    break
                os.write(master, strip_iac(data))
            if master in r:
                try:
                    data = os.read(master, 4096)
                except OSError as exc:
                    if exc.errno == errno.EIO:
                        break
                    raise
                os.write(cfd, data)
    finally:
        os.close(master)
        try:
            os.kill(pid, signal.SIGHUP)
        except ProcessLookupError:
            pass


def serve_external(conn: socket.socket) -> subprocess.Popen:
    """--inetd: hand the connection to the system telnetd."""
    return subprocess.Popen(["/usr/sbin/in.telnetd", "-h"], stdin=conn, stdout=conn, stderr=conn)


def main(port: int = 2323, external: bool = False) -> None:
    srv = socket.create_server(("", port))
    os.set_inheritable(srv.fileno(), False)
    flags = fcntl.fcntl(srv.fileno(), fcntl.F_GETFD)
    fcntl.fcntl(srv.fileno(), fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    while True:
        conn, addr = srv.accept()
        if external:
            serve_external(conn)
            conn.close()
            continue
        if os.fork() == 0:
            srv.close()
            serve_client(conn)
            os._exit(0)
        conn.close()


if __name__ == "__main__":
    main()
