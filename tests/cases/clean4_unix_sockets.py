"""Descriptor passing over AF_UNIX sockets (a socket family no Windows CPython has): the C
runtime calls on them run on POSIX only, wherever the socket goes."""
import os
import socket
import subprocess
from socket import AF_UNIX, SOCK_DGRAM


def notify(message: bytes) -> None:
    with socket.socket(AF_UNIX, SOCK_DGRAM) as sock:
        sock.connect(os.environ["NOTIFY_SOCKET"])
        os.write(sock.fileno(), message)


class FdServer:
    def __init__(self, path: str) -> None:
        self.listener = socket.socket(family=socket.AF_UNIX)
        self.listener.bind(path)
        self.listener.listen()
        os.set_inheritable(self.listener.fileno(), False)

    def serve_one(self) -> None:
        conn, _ = self.listener.accept()
        self.hand_over(conn)
        mirror = conn.dup()
        os.set_blocking(mirror.fileno(), False)

    def hand_over(self, conn) -> None:
        subprocess.run(["helper"], stdin=conn, check=True)
        os.close(conn.detach())


def pair_for_child():
    parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    for end in (parent, child):
        os.set_inheritable(end.fileno(), end is child)
    return parent, child


def adopt(fd: int) -> socket.socket:
    sock = socket.fromfd(fd, socket.AF_UNIX, socket.SOCK_STREAM)
    os.close(fd)
    os.set_blocking(sock.fileno(), True)
    return sock
