"""inetd-style launcher for the build farm's Linux workers.

This module imports fcntl and pwd unconditionally: it only ever runs on the
Linux build hosts, where sockets are ordinary file descriptors.
"""
import fcntl
import grp
import logging
import os
import pwd
import socket
import subprocess
import sys

log = logging.getLogger("launcher")


def drop_privileges(user: str = "build", group: str = "build") -> None:
    os.setgid(grp.getgrnam(group).gr_gid)
    os.setuid(pwd.getpwnam(user).pw_uid)


def set_cloexec(fd: int) -> None:
    flags = fcntl.fcntl(fd, fcntl.F_GETFD)
    fcntl.fcntl(fd, fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)


class Launcher:
    def __init__(self, port: int, command: list[str]) -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("0.0.0.0", port))
        self.listener.listen(32)
        set_cloexec(self.listener.fileno())
        os.set_blocking(self.listener.fileno(), True)
        self.command = command

    def run_once(self) -> int:
        conn, addr = self.listener.accept()
        log.info("connection from %s", addr)
        os.set_inheritable(conn.fileno(), True)
        try:
            proc = subprocess.Popen(self.command, stdin=conn, stdout=conn.fileno())
            return proc.wait()
        finally:
            os.close(conn.detach())

    def banner(self, conn: socket.socket) -> None:
        os.write(conn.fileno(), b"build-launcher ready\n")
        with os.fdopen(os.dup(conn.fileno()), "rb") as stream:
            log.info("client says %r", stream.readline())

    def serve_forever(self) -> None:
        drop_privileges()
        while True:
            status = self.run_once()
            log.info("worker exited with %d", status)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Launcher(int(sys.argv[1]), sys.argv[2:]).serve_forever()
