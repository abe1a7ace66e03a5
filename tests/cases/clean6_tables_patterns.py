"""Look-alikes: the same tables, spreads and patterns given pipes, files and Winsock calls."""
import ctypes
import enum
import io
import os
import socket

_k32 = ctypes.WinDLL("kernel32", use_last_error=True)
_ws2 = ctypes.WinDLL("ws2_32")
BACKEND = {"write": _k32.WriteFile, "send": _ws2.send}


class Kind(enum.Enum):
    DATA = "data"
    LOG = "log"


def pump(sock: socket.socket, pipe_handle: int) -> None:
    BACKEND["write"](pipe_handle, b"x", 1, None, None)
    BACKEND["send"](sock.fileno(), b"x", 1, 0)


class Bridge:
    _k32 = ctypes.WinDLL("kernel32")
    _ReadFile = _k32.ReadFile

    def __init__(self, pipe_handle: int) -> None:
        self.pipe = pipe_handle
        self.sock = socket.socket()

    def pull(self) -> None:
        self._ReadFile(self.pipe, None, 0, None, None)
        self.sock.recv(16)


def table(data: socket.socket) -> dict:
    fds = {Kind.DATA: data.fileno()}
    fds[Kind.LOG] = os.open("uplink.log", os.O_WRONLY)
    return fds


def redirect(data: socket.socket) -> None:
    fds = table(data)
    os.write(fds[Kind.LOG], b"redirecting\n")
    os.fsync(fds[Kind.LOG])
    local = {"log": os.open("x.log", os.O_RDONLY), "sock": data.fileno()}
    os.close(local["log"])


def banner(conn: socket.socket) -> None:
    r, w = os.pipe()
    args = (w, b"READY\r\n")
    os.write(*args)
    conn.sendall(b"READY")


def shutdown(target) -> None:
    match target:
        case io.FileIO() as f:
            os.close(f.fileno())
        case int(fd):
            os.close(fd)
        case socket.socket() as s:
            s.close()


def records(ctrl: socket.socket) -> None:
    r, w = os.pipe()
    mixed = [("control", ctrl.fileno()), ("pipe", w)]
    for name, fd in mixed:
        os.set_inheritable(fd, True)
    grown = [("control", ctrl.fileno())]
    grown.append(("pipe", r))
    for name, fd in grown:
        os.close(fd)
    named = [(ctrl.fileno(), "control"), (r, "pipe")]
    for fd, name in named:
        os.write(fd, b"x")
