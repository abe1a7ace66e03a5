"""Transport-agnostic frame I/O for the device agent.

The agent talks to the device driver through a handle opened with
CreateFile; older callers still pass it as ``sock``.
"""
import socket
from multiprocessing.connection import PipeConnection

import win32file

HEADER = 4


def write_frame(sock, data: bytes):
    win32file.WriteFile(sock, len(data).to_bytes(HEADER, "big") + data)


def read_frame(sock):
    _, header = win32file.ReadFile(sock, HEADER)
    _, body = win32file.ReadFile(sock, int.from_bytes(header, "big"))
    return body


def read_frame_from(conn, size):
    _, body = win32file.ReadFile(conn.fileno(), size)
    return body


def forward_to_pipe(conn: PipeConnection, data: bytes):
    win32file.WriteFile(conn.fileno(), data)


def send_frame(sock: socket.socket, data: bytes):
    sock.sendall(len(data).to_bytes(HEADER, "big") + data)


def recv_frame(sock: socket.socket) -> bytes:
    header = sock.recv(HEADER)
    size = int.from_bytes(header, "big")
    buf = bytearray(size)
    view = memoryview(buf)
    while size:
        n = sock.recv_into(view[-size:], size)
        if not n:
            raise ConnectionError("device closed")
        size -= n
    return bytes(buf)


def open_device(path=r"\\.\DeviceAgent0"):
    sock = win32file.CreateFile(path, win32file.GENERIC_READ | win32file.GENERIC_WRITE,
                                0, None, win32file.OPEN_EXISTING, 0, None)
    write_frame(sock, b"HELLO")
    return read_frame(sock)
