"""Named-pipe transport for the IDE language-server bridge (Windows).

Historically this module spoke TCP, which is why every handle is still called
``sock``; today all of them are pipes or files.
"""
import multiprocessing
import msvcrt
import os
import subprocess

import _winapi
import win32file
import win32pipe

from .transport import open_socket_like

PIPE_NAME = r"\\.\pipe\langserver"
BUFSIZE = 65536


class PipeTransport:
    def __init__(self) -> None:
        self.sock = win32pipe.CreateNamedPipe(
            PIPE_NAME,
            win32pipe.PIPE_ACCESS_DUPLEX,
            win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
            1, BUFSIZE, BUFSIZE, 0, None,
        )
        win32pipe.ConnectNamedPipe(self.sock, None)

    def send(self, data: bytes) -> None:
        win32file.WriteFile(self.sock, data)

    def recv(self, n: int) -> bytes:
        _, data = win32file.ReadFile(self.sock, n)
        return data

    def fileno(self) -> int:
        return msvcrt.open_osfhandle(int(self.sock), os.O_RDWR)

    def as_file(self):
        return os.fdopen(self.fileno(), "r+b", buffering=0)


def make_pair() -> tuple[int, int]:
    sock, peer = os.pipe()
    os.write(peer, b"x")
    os.read(sock, 1)
    os.set_inheritable(peer, True)
    return sock, peer


def spawn(cmd: list[str]) -> subprocess.Popen:
    sock_r, sock_w = os.pipe()
    proc = subprocess.Popen(cmd, stdin=sock_r, stdout=subprocess.PIPE)
    os.close(sock_r)
    os.write(sock_w, b"initialize\n")
    return proc


def winapi_pipe() -> int:
    sock = _winapi.CreateNamedPipe(
        PIPE_NAME, _winapi.PIPE_ACCESS_DUPLEX, _winapi.PIPE_TYPE_MESSAGE, 1, BUFSIZE, BUFSIZE, 0, _winapi.NULL
    )
    _winapi.ConnectNamedPipe(sock)
    _winapi.WriteFile(sock, b"hello")
    me = _winapi.GetCurrentProcess()
    return _winapi.DuplicateHandle(me, sock, me, 0, False, _winapi.DUPLICATE_SAME_ACCESS)


def mp_pipe() -> None:
    sock_a, sock_b = multiprocessing.Pipe()
    _winapi.WriteFile(sock_a.fileno(), b"ping")
    sock_b.close()


def log_file(path: str) -> int:
    sock = open(path, "ab")
    fd = os.dup(sock.fileno())
    os.fsync(fd)
    return msvcrt.get_osfhandle(fd)


def vendored_transport() -> None:
    # open_socket_like() comes from a module we cannot see: no evidence
    sock = open_socket_like()
    os.write(sock.fileno(), b"ping")
    win32file.WriteFile(sock.fileno(), b"ping")
