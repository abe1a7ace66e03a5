"""UDP telemetry listener for the race-sim plugin (acudpclient style)."""
import io
import os
import socket
import struct
import sys


class TelemetryClient:
    def __init__(self, port=10000, remote_port=10001, host="127.0.0.1"):
        self.remote = (host, remote_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("", port))
        self.file = None

    def listen(self):
        self.file = io.open(self.sock.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203

    def listen_portable(self):
        if sys.platform == "win32":
            self.file = None
        else:
            self.file = io.open(self.sock.fileno(), "rb", buffering=0, closefd=False)

    def get_next_event(self):
        if self.file is not None:
            data = self.file.read(1024)
        else:
            data, _ = self.sock.recvfrom(1024)
        kind, = struct.unpack_from("<B", data)
        return kind, data[1:]


def stream_lines(conn: socket.socket):
    with open(conn.fileno(), "r", encoding="utf-8", closefd=False) as f:  # error: WSK203
        for line in f:
            yield line.rstrip("\n")


def stream_lines_ok(conn: socket.socket):
    with conn.makefile("r", encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n")


def reply_writer(conn: socket.socket):
    return os.fdopen(conn.fileno(), "wb", buffering=0)  # error: WSK203


def dump_to_file(path, data: bytes):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
