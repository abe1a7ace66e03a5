"""Everything the console can talk through. None of these are sockets."""
import functools
import os
from typing import NamedTuple

import win32file
import win32pipe

PIPE_NAME = r"\\.\pipe\serial-console"

#: (label, descriptor) of every pipe end handed out; closed at exit.
OPEN_FDS: list[tuple[str, int]] = []


class PipeEnds(NamedTuple):
    read_fd: int
    write_fd: int


def _anon_pipe():
    r, w = os.pipe()
    OPEN_FDS.append(("anon-r", r))
    OPEN_FDS.append(("anon-w", w))
    return PipeEnds(r, w)


def _com_port(name="COM3"):
    return open("\\\\.\\" + name, "r+b", buffering=0)


def _named_pipe(name=PIPE_NAME):
    return win32pipe.CreateNamedPipe(
        name,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
        1,
        65536,
        65536,
        0,
        None,
    )


FACTORIES = {"pipe": _anon_pipe, "com": _com_port, "namedpipe": _named_pipe}

open_log = functools.partial(open, "console.log", "ab", buffering=0)


class Port:
    """A COM port opened as a file; `sock` kept for the old API's sake."""

    def __init__(self, sock, name):
        self.sock = sock
        self.name = name

    @classmethod
    def open(cls, name):
        return cls(_com_port(name), name)

    def fileno(self):
        return self.sock.fileno()


class PortSession:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self._f = _com_port(self.name)
        return self._f

    def __exit__(self, *exc):
        self._f.close()


def read_lines(port_name):
    """Yield raw lines from a COM port."""
    with _com_port(port_name) as f:
        for line in f:
            yield line


def pipe_for_client():
    sock = _named_pipe()
    win32pipe.ConnectNamedPipe(sock, None)
    return sock


def handle_of(f):
    return win32file._get_osfhandle(f.fileno())
