"""A daemon toolkit with decorators of its own. Those whose wrapper refuses Windows before it
calls the function make the function POSIX-only; those that refuse the wrong platform, that
only trace, or that hand the function back unwrapped on Windows do not."""
import functools
import logging
import os
import socket
import sys

log = logging.getLogger(__name__)


def posix_only(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if os.name == "nt":
            raise NotImplementedError(f"{func.__name__} needs POSIX descriptors")
        return func(*args, **kwargs)

    return wrapper


def requires(feature):
    def decorator(func):
        def checked(*args, **kwargs):
            if sys.platform.startswith("win"):
                log.warning("%s is not available on Windows", feature)
                return None
            return func(*args, **kwargs)

        return functools.update_wrapper(checked, func)

    return decorator


def windows_only(func):
    def wrapper(*args, **kwargs):
        if os.name != "nt":
            raise NotImplementedError(func.__name__)
        return func(*args, **kwargs)

    return wrapper


def traced(func):
    def wrapper(*args, **kwargs):
        log.debug("calling %s", func.__name__)
        return func(*args, **kwargs)

    return wrapper


def posix_fast_path(func):
    if os.name == "nt":
        return func  # no wrapper on Windows: the function runs as it is
    return traced(func)


@posix_only
def redirect_stdio(conn: socket.socket) -> None:
    os.dup2(conn.fileno(), 0)
    os.dup2(conn.fileno(), 1)


@requires("descriptor passing")
def hand_over(conn: socket.socket) -> None:
    os.set_inheritable(conn.fileno(), True)


@windows_only
def detach_console(conn: socket.socket) -> None:
    os.close(conn.detach())  # error: WSK205


@traced
def make_nonblocking(conn: socket.socket) -> None:
    os.set_blocking(conn.fileno(), False)  # error: WSK205


@posix_fast_path
def read_exact(conn: socket.socket, n: int) -> bytes:
    return os.read(conn.fileno(), n)  # error: WSK201


class Session:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn

    @posix_only
    def attach(self) -> None:
        os.dup2(self.conn.fileno(), 2)

    def detach(self) -> None:
        os.close(self.conn.fileno())  # error: WSK205
