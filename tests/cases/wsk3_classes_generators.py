"""Sockets that reach a sink through classes, generators and context managers."""
import contextlib
import os
import socket
import subprocess


class Base:
    def __init__(self, address):
        self.sock = socket.create_connection(address)


class Child(Base):
    def pull(self):
        return os.read(self.sock.fileno(), 1024)  # error: WSK201


class Wrapped:
    def __init__(self):
        self._sock = socket.socket()

    @property
    def sock(self):
        return self._sock

    def push(self, data):
        os.write(self.sock.fileno(), data)  # error: WSK201


def use_property(w: Wrapped):
    os.dup(w.sock.fileno())  # error: WSK202


@contextlib.contextmanager
def connected(address):
    s = socket.create_connection(address)
    try:
        yield s
    finally:
        s.close()


def with_manager(address):
    with connected(address) as link:
        os.write(link.fileno(), b"ready")  # error: WSK201


class Listening:
    def __enter__(self):
        self._sock = socket.socket()
        self._sock.listen()
        return self._sock

    def __exit__(self, *exc):
        self._sock.close()


def accepted(listener):
    while True:
        conn, _ = listener.accept()
        yield conn


def serve():
    with Listening() as srv:
        for conn in accepted(srv):
            os.set_inheritable(conn.fileno(), True)  # error: WSK205
            subprocess.run(["worker.exe"], stdout=conn)  # error: WSK301


def every():
    socks = [socket.socket(), socket.socket()]
    yield from socks


def close_all():
    for s in every():
        os.close(s.fileno())  # error: WSK205


class Settable:
    def __init__(self):
        self._sock = socket.socket()

    @property
    def sock(self):
        return self._sock

    @sock.setter
    def sock(self, value: socket.socket):
        self._sock = value


def use_settable(holder: Settable):
    os.close(holder.sock.fileno())  # error: WSK205
