"""Stream helpers that accept either sockets or pipe/file objects and
route each to the right call."""
from __future__ import annotations

import io
import os
import socket
import ssl
import subprocess
import sys
import threading


def write_all(stream, data: bytes) -> None:
    if isinstance(stream, socket.socket):
        stream.sendall(data)
    else:
        os.write(stream.fileno(), data)


def read_some(stream, n: int) -> bytes:
    if isinstance(stream, (socket.socket, ssl.SSLSocket)):
        return stream.recv(n)
    return os.read(stream.fileno(), n)


def close_any(obj) -> None:
    if not isinstance(obj, socket.socket):
        os.close(obj.fileno())
        return
    obj.close()


def raw_write(target, data: bytes) -> None:
    if isinstance(target, socket.socket):
        raise TypeError("use sendall() on sockets")
    os.write(target.fileno(), data)


def spawn_reader(cmd: list[str], source) -> subprocess.Popen:
    if isinstance(source, socket.socket):
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
        threading.Thread(target=_pump, args=(source, proc), daemon=True).start()
        return proc
    return subprocess.Popen(cmd, stdin=source)


def _pump(sock: socket.socket, proc: subprocess.Popen) -> None:
    while chunk := sock.recv(65536):
        proc.stdin.write(chunk)
    proc.stdin.close()


def dispatch(obj, data: bytes) -> None:
    match obj:
        case socket.socket():
            obj.sendall(data)
        case _:
            os.write(obj.fileno(), data)


def main() -> None:
    conn = socket.create_connection(("127.0.0.1", 7100))
    log = open("routing.log", "wb")
    r, w = os.pipe()
    pipe_w = os.fdopen(w, "wb")
    for stream in (conn, log, pipe_w, sys.stdout.buffer):
        write_all(stream, b"hello\n")
        if not isinstance(stream, socket.socket):
            raw_write(stream, b"x")
        dispatch(stream, b"again\n")
    print(read_some(conn, 10), read_some(io.open(r, "rb", closefd=False), 10))
    spawn_reader(["sort"], conn)
    spawn_reader(["sort"], log)
    for obj in (conn, log, pipe_w):
        close_any(obj)


if __name__ == "__main__":
    main()
