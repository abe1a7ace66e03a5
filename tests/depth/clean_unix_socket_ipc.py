"""Local IPC of a desktop indexer: a Unix-domain control socket and worker pairs.

Every socket here is AF_UNIX (Windows Python has no socket.AF_UNIX), so the
descriptor calls can only ever run on POSIX.
"""
import io
import logging
import os
import socket
import subprocess
from socket import AF_UNIX, SOCK_DGRAM

log = logging.getLogger("indexer.ipc")

CONTROL_PATH = os.path.expanduser("~/.cache/indexer/control.sock")


class ControlServer:
    def __init__(self, path: str = CONTROL_PATH) -> None:
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(8)
        os.set_inheritable(self.listener.fileno(), False)

    def handle_one(self) -> None:
        conn, _ = self.listener.accept()
        os.set_blocking(conn.fileno(), True)
        request = os.read(conn.fileno(), 4096)
        with io.open(conn.fileno(), "wb", closefd=False) as out:
            out.write(b"ok " + request[:32])
        os.close(conn.detach())


def spawn_worker(argv: list) -> subprocess.Popen:
    parent_end, child_end = socket.socketpair(socket.AF_UNIX)
    os.set_inheritable(child_end.fileno(), True)
    proc = subprocess.Popen(argv, stdin=child_end, stdout=subprocess.PIPE)
    child_end.close()
    os.write(parent_end.fileno(), b"start\n")
    return proc


def notify_pair():
    a, b = socket.socketpair(family=socket.AF_UNIX, type=socket.SOCK_DGRAM)
    spare = os.dup(b.fileno())
    log.debug("notify pair stat %r", os.fstat(a.fileno()))
    return a, spare


def send_to_journal(message: bytes) -> None:
    with socket.socket(AF_UNIX, SOCK_DGRAM) as journal:
        journal.connect("/run/systemd/journal/socket")
        os.write(journal.fileno(), message)


def adopt_inherited(fd: int) -> socket.socket:
    conn = socket.fromfd(fd, socket.AF_UNIX, socket.SOCK_STREAM)
    os.close(fd)
    os.set_blocking(conn.fileno(), False)
    return conn


def probe(path: str) -> bool:
    s = socket.socket(family=socket.AF_UNIX)
    try:
        s.connect(path)
        return os.isatty(s.fileno()) is False
    finally:
        s.close()
