"""Portable socket helpers for the daemon toolkit.

Every descriptor-level call on a socket below only runs on POSIX systems,
where a socket *is* a C runtime descriptor.  Windows takes the socket-method
path.
"""
import functools
import os
import platform
import socket
import subprocess
import sys

WINDOWS = sys.platform.startswith("win")
IS_POSIX = os.name == "posix"


def _is_windows() -> bool:
    return sys.platform == "win32"


def posix_only(func):
    """Refuse to run the wrapped helper on Windows."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if sys.platform == "win32":
            raise NotImplementedError(f"{func.__name__} is POSIX-only")
        return func(*args, **kwargs)

    return wrapper


def make_nonblocking(sock: socket.socket) -> None:
    if sys.platform != "win32":
        os.set_blocking(sock.fileno(), False)
    else:
        sock.setblocking(False)


def make_cloexec(sock: socket.socket) -> None:
    if os.name == "posix":
        os.set_inheritable(sock.fileno(), False)
    else:
        sock.set_inheritable(False)


def clone(sock: socket.socket) -> int:
    if sys.platform == "win32":
        return sock.dup().detach()
    else:
        return os.dup(sock.fileno())


def close_raw(sock: socket.socket) -> None:
    if sys.platform == "win32":
        sock.close()
        return
    os.close(sock.detach())


def stat_socket(sock: socket.socket) -> os.stat_result:
    if os.name == "nt":
        raise OSError("fstat() is meaningless on a Windows socket")
    return os.fstat(sock.fileno())


def inherit_for_children(sock: socket.socket) -> None:
    os.name != "nt" and os.set_inheritable(sock.fileno(), True)


def raw_write(sock: socket.socket, data: bytes) -> int:
    if not _is_windows():
        return os.write(sock.fileno(), data)
    return sock.send(data)


def raw_read(sock: socket.socket, n: int) -> bytes:
    if not WINDOWS:
        return os.read(sock.fileno(), n)
    return sock.recv(n)


def as_file(sock: socket.socket):
    if platform.system() != "Windows":
        return os.fdopen(sock.fileno(), "rb", closefd=False)
    return sock.makefile("rb")


def is_tty(sock: socket.socket) -> bool:
    if hasattr(os, "fork"):
        return os.isatty(sock.fileno())
    return False


def blocking_state(sock: socket.socket) -> bool:
    match sys.platform:
        case "linux" | "darwin" | "freebsd":
            return os.get_blocking(sock.fileno())
        case _:
            return sock.getblocking()


def spawn_filter(sock: socket.socket, cmd: list[str]) -> subprocess.Popen:
    if sys.platform in ("linux", "darwin"):
        return subprocess.Popen(cmd, stdin=sock, stdout=subprocess.PIPE)
    raise OSError("filters need a POSIX host")


def fd_or_dup(sock: socket.socket) -> int:
    return os.dup(sock.fileno()) if IS_POSIX else sock.dup().detach()


def seek_guard(sock: socket.socket) -> None:
    if not sys.platform.startswith("win"):
        try:
            os.lseek(sock.fileno(), 0, os.SEEK_CUR)
        except OSError:
            pass


@posix_only
def redirect_stdio(conn: socket.socket) -> None:
    os.dup2(conn.fileno(), 0)


class Reactor:
    POSIX = sys.platform != "win32"

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))

    def prepare(self) -> None:
        if self.POSIX:
            os.set_blocking(self.listener.fileno(), False)
        else:
            self.listener.setblocking(False)

    def sync(self) -> None:
        if Reactor.POSIX:
            os.fsync(self.listener.fileno())


def demo() -> None:
    a, b = socket.socketpair()
    make_nonblocking(a)
    make_cloexec(b)
    raw_write(a, b"x")
    raw_read(b, 1)
    redirect_stdio(b)
