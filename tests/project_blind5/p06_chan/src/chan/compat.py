"""Process and handle helpers."""
import os
import socket
import subprocess
from multiprocessing import reduction


def spawn_into(argv: list[str], stream) -> subprocess.Popen:
    """Run argv with its stdout going to stream."""
    return subprocess.Popen(argv, stdout=stream, stderr=subprocess.DEVNULL)


def share_with(handle: int, process_handle: int) -> int:
    return reduction.duplicate(handle, process_handle)


def close_handle(sock: socket.socket) -> None:
    os.close(sock.fileno())  # error: WSK205
