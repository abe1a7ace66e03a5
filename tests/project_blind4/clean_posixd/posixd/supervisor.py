"""Start workers and hand them the listening socket."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

from . import compat
from .compat import IS_WINDOWS, is_posix


class Supervisor:
    def __init__(self, port: int, workers: int = 4) -> None:
        self.listener = socket.create_server(("0.0.0.0", port), reuse_port=not IS_WINDOWS)
        self.workers = workers
        self.children: list[int] = []

    def prepare_listener(self) -> None:
        if not IS_WINDOWS:
            os.set_inheritable(self.listener.fileno(), True)

    def spawn_exec(self, argv: list[str]) -> subprocess.Popen:
        if IS_WINDOWS:
            raise OSError("posixd needs fork/exec; on Windows run the service wrapper")
        return subprocess.Popen(
            [*argv, "--listen-fd", str(self.listener.fileno())],
            pass_fds=(self.listener.fileno(),),
        )

    def spawn_fork(self, target) -> int:
        if not hasattr(os, "fork"):
            raise OSError("no fork() on this platform")
        pid = os.fork()
        if pid == 0:
            try:
                os.set_blocking(self.listener.fileno(), False)
                target(self.listener)
            finally:
                os._exit(0)
        self.children.append(pid)
        return pid

    def pipe_to_logger(self, argv: list[str]) -> subprocess.Popen | None:
        conn, _ = self.listener.accept()
        if is_posix():
            return subprocess.Popen(argv, stdin=conn)
        conn.close()
        return None

    def detach_for_exec(self) -> int:
        if compat.IS_WINDOWS:
            raise OSError("use socket.share() on Windows")
        fd = self.listener.detach()
        os.set_inheritable(fd, True)
        return fd

    def share_with(self, pid: int) -> bytes:
        if IS_WINDOWS:
            return self.listener.share(pid)
        else:
            os.set_blocking(self.listener.fileno(), True)
            return str(self.listener.fileno()).encode()


def main() -> None:
    sup = Supervisor(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
    sup.prepare_listener()
    for _ in range(sup.workers):
        sup.spawn_exec([sys.executable, "-m", "posixd.worker"])
