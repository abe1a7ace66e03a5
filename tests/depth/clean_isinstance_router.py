"""Output routing for the `tracekit` collector.

A trace sink can be a socket, a raw descriptor (pipe or file), or a
multiprocessing connection to the aggregator process.  The router sends
each kind through the call that is correct for it.
"""
from __future__ import annotations

import _winapi
import os
import socket
import sys
from multiprocessing import reduction
from multiprocessing.connection import Client, Connection, Listener
from typing import Union

Sink = Union[socket.socket, int, Connection]
AGG_ADDRESS = r"\\.\pipe\tracekit-agg" if sys.platform == "win32" else "/tmp/tracekit-agg.sock"


def write_to(sink: Sink, data: bytes) -> None:
    if isinstance(sink, socket.socket):
        sink.sendall(data)
    elif isinstance(sink, int):
        os.write(sink, data)
    else:
        sink.send_bytes(data)


def read_from(source: Union[socket.socket, int], size: int) -> bytes:
    if not isinstance(source, socket.socket):
        return os.read(source, size)
    return source.recv(size)


def stat_sink(sink: object) -> str:
    if isinstance(sink, socket.socket):
        return f"socket {sink.getsockname()}"
    if hasattr(sink, "fileno"):
        return f"file mode {os.fstat(sink.fileno()).st_mode:o}"
    return repr(sink)


class AggregatorLink:
    """The aggregator is reached over a named pipe on Windows."""

    def __init__(self) -> None:
        self.listener = Listener(AGG_ADDRESS)
        self.conn = self.listener.accept()

    def forward_log_handle(self, log_path: str, pid: int) -> None:
        f = open(log_path, "ab")
        if sys.platform == "win32":
            import msvcrt
            reduction.send_handle(self.conn, msvcrt.get_osfhandle(f.fileno()), pid)
        else:
            reduction.send_handle(self.conn, f.fileno(), pid)

    def clone_pipe_for(self, pid: int) -> int:
        if sys.platform != "win32":
            raise RuntimeError("named-pipe cloning is Windows only")
        target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, pid)
        try:
            return _winapi.DuplicateHandle(
                _winapi.GetCurrentProcess(),
                self.conn.fileno(),
                target,
                0,
                False,
                _winapi.DUPLICATE_SAME_ACCESS,
            )
        finally:
            _winapi.CloseHandle(target)


def demo() -> None:
    r, w = os.pipe()
    a, b = socket.socketpair()
    for sink in (w, a):
        write_to(sink, b"trace-start\n")
    print(read_from(r, 12), read_from(b, 12))
    print(stat_sink(a), stat_sink(open(os.devnull, "rb")))
    agg = Client(AGG_ADDRESS)
    write_to(agg, b"hello aggregator")
    agg.close()
    for fd in (r, w):
        os.close(fd)
    a.close()
    b.close()
