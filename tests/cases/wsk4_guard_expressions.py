"""Platform guards written as expressions: and/or statements, conditional expressions, flags,
and a Windows branch that leaves first. Each silent form has its bug beside it: the same call
without the guard, or behind a guard for the wrong platform."""
import logging
import os
import platform
import socket
import sys

log = logging.getLogger(__name__)

IS_LINUX = sys.platform.startswith("linux")
IS_MAC = sys.platform == "darwin"
ON_WINDOWS = os.name == "nt"
IS_POSIX = not ON_WINDOWS
IS_UNIX = IS_LINUX or IS_MAC
WIN_LIKE = sys.platform.startswith(("win", "cygwin"))


def describe(conn: socket.socket) -> None:
    IS_LINUX and log.debug("peer stat %s", os.fstat(conn.fileno()))
    sys.platform == "linux" and os.set_inheritable(conn.fileno(), False)
    ON_WINDOWS or os.set_blocking(conn.fileno(), False)
    IS_UNIX and log.debug("inheritable %s", os.get_inheritable(conn.fileno()))
    log.debug("blocking %s", os.get_blocking(conn.fileno()))  # error: WSK205


def wrong_platform(conn: socket.socket) -> None:
    ON_WINDOWS and os.set_inheritable(conn.fileno(), False)  # error: WSK205
    IS_LINUX or os.set_blocking(conn.fileno(), False)  # error: WSK205
    platform.system() == "Windows" and log.debug("%s", os.fstat(conn.fileno()))  # error: WSK205


def read_some(conn: socket.socket, n: int) -> bytes:
    return os.read(conn.fileno(), n) if IS_POSIX else conn.recv(n)


def read_backwards(conn: socket.socket, n: int) -> bytes:
    return os.read(conn.fileno(), n) if ON_WINDOWS else conn.recv(n)  # error: WSK201


def send_all(conn: socket.socket, data: bytes) -> int:
    if sys.platform.startswith(("win", "cygwin")):
        conn.sendall(data)
        return len(data)
    return os.write(conn.fileno(), data)


def send_all_flag(conn: socket.socket, data: bytes) -> int:
    if WIN_LIKE:
        return conn.send(data)
    return os.write(conn.fileno(), data)


def send_after_cygwin_only(conn: socket.socket, data: bytes) -> int:
    if sys.platform == "cygwin":
        return conn.send(data)
    return os.write(conn.fileno(), data)  # error: WSK201


def close_quietly(conn: socket.socket) -> None:
    if sys.platform.startswith(("linux", "darwin")):
        return
    os.close(conn.detach())  # error: WSK205
