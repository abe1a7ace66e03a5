"""Look-alikes: the same flags on their POSIX side, and the same enumerate/zip, lambda
defaults, weak references, TypedDict .get(), record copies, return annotations and
factory tables given pipes, files, descriptors and Winsock calls."""
import _winapi
import dataclasses
import functools
import os
import socket
import weakref
from typing import TypedDict


def is_posix() -> bool:
    return os.name == "posix"


class Listener:
    _POSIX = os.name != "nt"

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))

    def mark(self) -> None:
        if self._POSIX:
            os.set_inheritable(self.sock.fileno(), True)
        else:
            self.sock.set_inheritable(True)

    def mark_by_class(self) -> None:
        if Listener._POSIX:
            os.set_blocking(self.sock.fileno(), False)


def close_on_posix(s: socket.socket) -> None:
    if is_posix():
        os.close(s.fileno())
    else:
        s.close()


def counted(files: list[int], socks: list[socket.socket]) -> None:
    for i, fd in enumerate(files):
        os.set_blocking(fd, False)
    for i, s in enumerate(socks):
        s.setblocking(False)
    for fd, s in zip(files, socks):
        os.write(fd, b"x")
        s.sendall(b"x")


def finalizer(owner: object, path: str, s: socket.socket) -> None:
    weakref.finalize(owner, lambda fd=os.open(path, os.O_RDONLY): os.close(fd))
    weakref.finalize(owner, lambda sock=s: sock.close())


class Tap:
    def __init__(self, log_fd: int, sock: socket.socket) -> None:
        self._log = weakref.ref(open(log_fd, "w"))
        self._sock = weakref.ref(sock)

    def emit(self, line: str) -> None:
        out = self._log()
        if out is not None:
            os.fsync(out.fileno())
        s = self._sock()
        if s is not None:
            s.sendall(line.encode())


class Spec(TypedDict, total=False):
    name: str
    fd: int


def adopt(spec: Spec) -> None:
    fd = spec.get("fd")
    if fd is not None:
        os.close(fd)


@dataclasses.dataclass(frozen=True)
class Spool:
    path: str
    fd: int


def rotate(s: Spool) -> None:
    s = dataclasses.replace(s, path=s.path + ".1")
    _winapi.WriteFile(s.fd, b"x")
    os.close(s.fd)


def log_handle() -> int:
    return 3


def annotated_ints() -> None:
    os.close(log_handle())


FACTORIES = {
    "file": lambda path: open(path, "ab"),
    "fd": lambda path: os.open(path, os.O_WRONLY),
}
open_log = functools.partial(os.open, "log.txt", os.O_WRONLY)


def flush(lines: list[bytes]) -> None:
    out = FACTORIES["file"]("x.log")
    os.write(out.fileno(), b"".join(lines))
    fd = FACTORIES["fd"]("y.log")
    os.close(fd)
    os.write(open_log(), b"x")


class Conn:
    def __init__(self, sock, host: str) -> None:
        self.sock = sock
        self.host = host

    @classmethod
    def open(cls, host: str) -> "Conn":
        return cls(socket.create_connection((host, 80)), host)


def send(host: str, path: str) -> None:
    conn = Conn.open(host)
    conn.sock.sendall(b"x")
    spool = Conn(open(path, "wb"), host)  # the same class, given a file: this instance holds no socket
    os.write(spool.sock.fileno(), b"x")
    os.fsync(spool.sock.fileno())
