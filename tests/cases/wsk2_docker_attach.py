"""Attach to a container's stdio over the daemon socket (docker-py style)."""
import os
import select
import socket
import struct
import sys

STREAM_NAMES = {0: "stdin", 1: "stdout", 2: "stderr"}


def read_frames(sock: socket.socket):
    """Demultiplex the attach stream: 8-byte header, then the payload."""
    while True:
        header = os.read(sock.fileno(), 8)  # error: WSK201
        if len(header) < 8:
            return
        stream, size = struct.unpack(">BxxxL", header)
        yield STREAM_NAMES.get(stream, "?"), sock.recv(size)


def read_chunk(sock: socket.socket, n=4096):
    if sys.platform == "win32":
        return sock.recv(n)
    return os.read(sock.fileno(), n)


def read_ready(sock: socket.socket, timeout=1.0):
    if os.name == "posix":
        ready, _, _ = select.select([sock], [], [], timeout)
        if ready:
            return os.read(sock.fileno(), 4096)
        return b""
    return sock.recv(4096)


def write_stdin(sock: socket.socket, data: bytes):
    os.write(sock.fileno(), data)  # error: WSK201


def attach(host="localhost", port=2375, container="web"):
    s = socket.create_connection((host, port))
    s.sendall(
        f"POST /containers/{container}/attach?stream=1&stdout=1 HTTP/1.1\r\n"
        f"Host: {host}\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n\r\n".encode()
    )
    head = os.read(s.fileno(), 1024)  # error: WSK201
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        raise RuntimeError("attach refused")
    for name, chunk in read_frames(s):
        out = sys.stdout if name == "stdout" else sys.stderr
        os.write(out.fileno(), chunk)
