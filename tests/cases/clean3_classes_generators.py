"""Look-alikes: classes, generators and context managers that hold no socket."""
import contextlib
import os
import socket


class Base:
    def __init__(self, path):
        self.sock = open(path, "rb")  # a file, named like a socket


class Child(Base):
    def pull(self):
        return os.read(self.sock.fileno(), 1024)


class Piped:
    def __init__(self):
        self._reader, self._writer = os.pipe()

    @property
    def sock(self):
        return self._reader

    def pull(self):
        os.read(self.sock, 10)


@contextlib.contextmanager
def opened(path):
    f = open(path, "rb")
    try:
        yield f
    finally:
        f.close()


def with_file(path):
    with opened(path) as sock:
        os.fstat(sock.fileno())


class Listening:
    def __enter__(self):
        self._sock = socket.socket()
        return self

    def __exit__(self, *exc):
        self._sock.close()

    def fileno(self):
        return 3


def serve():
    with Listening() as srv:
        os.close(srv.fileno())


def lines(path):
    with open(path) as f:
        yield from f


def numbers(path):
    for fd in lines(path):
        os.close(int(fd))


def accepted(listener):
    conn, _ = listener.accept()
    yield conn


def pipes():
    r, w = os.pipe()
    for conn in accepted(os.fdopen(r)):
        os.close(conn.fileno())


def gen_of_socket_objects():
    yield socket.socket()


def the_generator_itself():
    g = gen_of_socket_objects()
    with open("x") as f:
        os.fstat(f.fileno())
    return g
