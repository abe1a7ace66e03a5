"""Stream plumbing that accepts sockets, files and raw descriptors.

Sockets are always routed to socket methods; descriptor calls only see
values that were narrowed away from sockets, or names that were rebound.
"""
import functools
import io
import os
import socket
import subprocess
import sys
from typing import BinaryIO, Protocol, Union

import win32file

Stream = Union[socket.socket, BinaryIO, int]


class SupportsFileno(Protocol):
    def fileno(self) -> int: ...


def write_all(target: Stream, data: bytes) -> None:
    if isinstance(target, socket.socket):
        target.sendall(data)
    elif isinstance(target, int):
        os.write(target, data)
    else:
        os.write(target.fileno(), data)


def close_any(obj: Stream) -> None:
    if not isinstance(obj, socket.socket):
        os.close(obj if isinstance(obj, int) else obj.fileno())
        return
    obj.close()


def duplicate(obj) -> object:
    if isinstance(obj, socket.socket):
        return obj.dup()
    return os.dup(obj.fileno())


def sync(obj: SupportsFileno) -> None:
    os.fsync(obj.fileno())


def spool_to(fd: int, payload: bytes) -> None:
    # only ever called with pipe and file descriptors (see below)
    os.write(fd, payload)
    os.fsync(fd)


def relay_child_output(cmd: list[str]) -> bytes:
    r, w = os.pipe()
    proc = subprocess.Popen(cmd, stdout=w)
    os.close(w)
    with os.fdopen(r, "rb") as pipe:
        out = pipe.read()
    proc.wait()
    spool_to(sys.stderr.fileno(), out)
    return out


def rebinding(path: str) -> os.stat_result:
    s = socket.socket()
    s.close()
    s = open(path, "rb")
    try:
        return os.fstat(s.fileno())
    finally:
        s.close()


def shadowed_handle(path: str) -> int:
    conn = socket.create_connection(("127.0.0.1", 9))
    h = conn.fileno()
    conn.close()
    h = os.open(path, os.O_RDONLY)
    os.set_inheritable(h, False)
    return h


def win32_pipe_write(sock: Union[socket.socket, int], data: bytes) -> None:
    if isinstance(sock, socket.socket):
        sock.sendall(data)
    else:
        win32file.WriteFile(sock, data)


@functools.singledispatch
def blocking(obj, flag: bool) -> None:
    os.set_blocking(obj.fileno(), flag)


@blocking.register
def _(obj: socket.socket, flag: bool) -> None:
    obj.setblocking(flag)


@blocking.register
def _(obj: io.FileIO, flag: bool) -> None:
    os.set_blocking(obj.fileno(), flag)


def main() -> None:
    a, b = socket.socketpair()
    write_all(a, b"ping")
    close_any(b)
    duplicate(a)
    blocking(a, False)
    with open(os.devnull, "wb") as sink:
        write_all(sink, b"discard")
        sync(sink)
        spool_to(sink.fileno(), b"x")
    relay_child_output([sys.executable, "-c", "print(1)"])
    win32_pipe_write(a, b"x")
    a.close()
