"""Send to whatever the stage was given: a socket or a file-like object."""
import os
import socket


def emit(target, data: bytes) -> None:
    if isinstance(target, socket.socket):
        target.sendall(data)
        return
    os.write(target.fileno(), data)


def describe(target) -> str:
    if not isinstance(target, socket.socket):
        return f"file size={os.fstat(target.fileno()).st_size}"
    return f"socket peer={target.getpeername()}"
