"""Functions kept in dictionaries and class attributes, dictionaries keyed by strings and
Enum members, a tuple spread into a call, and a socket class matched by a case pattern."""
import ctypes
import enum
import os
import socket

_k32 = ctypes.WinDLL("kernel32", use_last_error=True)
BACKEND = {"read": _k32.ReadFile, "write": _k32.WriteFile}


class Kind(enum.Enum):
    DATA = "data"
    LOG = "log"


def write_all(handle: int, data: bytes) -> None:
    BACKEND["write"](handle, data, len(data), None, None)  # error: WSK102


def pump(sock: socket.socket) -> None:
    write_all(sock.fileno(), b"x")
    BACKEND["read"](sock.fileno(), None, 0, None, None)  # error: WSK101


class Bridge:
    _k32 = ctypes.WinDLL("kernel32")
    _ReadFile = _k32.ReadFile

    def __init__(self, host: str) -> None:
        self.sock = socket.create_connection((host, 445))

    def pull(self) -> None:
        self._ReadFile(self.sock.fileno(), None, 0, None, None)  # error: WSK101


def table(data: socket.socket) -> dict:
    fds = {Kind.DATA: data.fileno(), "peer": data.fileno()}
    fds[Kind.LOG] = os.open("uplink.log", os.O_WRONLY)
    return fds


def redirect(data: socket.socket) -> None:
    fds = table(data)
    os.write(fds[Kind.LOG], b"redirecting\n")
    os.dup2(fds[Kind.DATA], 1)  # error: WSK202
    os.fstat(fds["peer"])  # error: WSK205


def banner(conn: socket.socket) -> None:
    args = (conn.fileno(), b"READY\r\n")
    os.write(*args)  # error: WSK201


def shutdown(target) -> None:
    match target:
        case socket.socket() as s:
            os.close(s.detach())  # error: WSK205
        case int(fd):
            os.close(fd)


def inherit(target) -> None:
    match target:
        case socket.socket():
            os.set_inheritable(target.fileno(), True)  # error: WSK205
        case _:
            os.set_inheritable(target, True)


def records_of(ctrl: socket.socket, data: socket.socket) -> list:
    return [("control", ctrl.fileno()), ("data", data.fileno())]


def inherit_all(ctrl: socket.socket, data: socket.socket) -> None:
    for name, fd in records_of(ctrl, data):
        os.set_inheritable(fd, True)  # error: WSK205
