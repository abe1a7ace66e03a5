"""Serve a pseudo-terminal over TCP (like a minimal telnetd).

POSIX only: this module imports ``pty`` and ``termios`` at top level, so it
cannot even be imported on Windows.
"""
import errno
import logging
import os
import pty
import select
import signal
import socket
import termios
import tty

log = logging.getLogger("ptybridge")


def _set_raw(fd):
    attrs = termios.tcgetattr(fd)
    tty.setraw(fd)
    return attrs


class PtySession:
    def __init__(self, conn: socket.socket, shell="/bin/sh"):
        self.conn = conn
        self.shell = shell
        self.pid = None
        self.master = None

    def spawn(self):
        self.pid, self.master = pty.fork()
        if self.pid == 0:
            os.execvp(self.shell, [self.shell, "-i"])
        os.set_blocking(self.conn.fileno(), False)
        os.set_inheritable(self.conn.fileno(), False)

    def pump(self):
        sock_fd = self.conn.fileno()
        while True:
            try:
                readable, _, _ = select.select([sock_fd, self.master], [], [])
            except InterruptedError:
                continue
            if sock_fd in readable:
                try:
                    data = os.read(sock_fd, 4096)
                except BlockingIOError:
                    data = None
                if data == b"":
                    break
                if data:
                    os.write(self.master, data)
            if self.master in readable:
                try:
                    data = os.read(self.master, 4096)
                except OSError as exc:
                    if exc.errno == errno.EIO:
                        break
                    raise
                os.write(sock_fd, data)

    def close(self):
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGHUP)
            except ProcessLookupError:
                pass
        if self.master is not None:
            os.close(self.master)
        os.close(self.conn.detach())


def serve(port=2323):
    srv = socket.create_server(("0.0.0.0", port))
    while True:
        conn, addr = srv.accept()
        log.info("pty session for %s", addr[0])
        pid = os.fork()
        if pid:
            conn.close()
            continue
        srv.close()
        session = PtySession(conn)
        session.spawn()
        try:
            session.pump()
        finally:
            session.close()
            os._exit(0)


def attach_stdio(conn: socket.socket):
    """Debug mode: run the shell with stdio on the connection directly."""
    for fd in (0, 1, 2):
        os.dup2(conn.fileno(), fd)
    os.execvp("/bin/sh", ["/bin/sh", "-i"])
