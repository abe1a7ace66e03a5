import os
import socket

from .compat import raw, same


def push(host: str) -> None:
    s = socket.create_connection((host, 80))
    os.write(raw(s), b"x")  # error: WSK201
    os.dup(same(s.fileno()))  # error: WSK202


def journal(path: str) -> None:
    log = open(path, "ab")
    os.write(raw(log), b"x")
    os.fsync(same(log.fileno()))
