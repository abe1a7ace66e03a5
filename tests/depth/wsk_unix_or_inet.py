"""Wake-up and control channels of a cross-platform job runner.

The runner uses Unix-domain sockets where it can and falls back to TCP on
loopback.  Only the sockets that are AF_UNIX on every path stay off Windows.
"""
import logging
import os
import socket
import tempfile

log = logging.getLogger("runner.ipc")

FAMILY = getattr(socket, "AF_UNIX", socket.AF_INET)


class Waker:
    """Self-pipe trick for the scheduler thread."""

    def __init__(self) -> None:
        self._r, self._w = socket.socketpair(FAMILY)
        self._r.setblocking(False)

    def wake(self) -> None:
        os.write(self._w.fileno(), b"\0")  # error: WSK201

    def drain(self) -> None:
        try:
            self._r.recv(4096)
        except BlockingIOError:
            pass


def default_pair():
    r, w = socket.socketpair()
    os.set_blocking(r.fileno(), False)  # error: WSK205
    return r, w


def control_socket(path: str) -> socket.socket:
    if hasattr(socket, "AF_UNIX"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(path)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
    s.listen(4)
    os.set_inheritable(s.fileno(), False)  # error: WSK205
    return s


def unix_only_status(path: str) -> bytes:
    lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    lsock.bind(path)
    lsock.listen(1)
    uconn, _ = lsock.accept()
    os.set_blocking(uconn.fileno(), True)
    return os.read(uconn.fileno(), 512)


def announce(port: int, payload: bytes) -> None:
    beacon = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    beacon.connect(("ff02::1", port))
    os.write(beacon.fileno(), payload)  # error: WSK201


def reconnect(path: str, host: str, port: int) -> int:
    unix = getattr(socket, "AF_UNIX", None)
    if unix is not None and os.path.exists(path):
        s = socket.socket(unix, socket.SOCK_STREAM)
        s.connect(path)
    else:
        s = socket.create_connection((host, port))
    return os.dup(s.fileno())  # error: WSK202


def scratch_dir() -> str:
    return tempfile.mkdtemp(prefix="runner-")
