import os

import win32file

from .conn import Pool, forward, handle_of, same, write_fd
from .typing_ import Port


def attribute(host, port: Port):
    pool = Pool(host)
    os.write(pool.sock.fileno(), b"x")  # error: WSK201
    os.write(pool.current.fileno(), b"x")  # error: WSK201
    os.write(pool.spare.fileno(), b"fine: a file")
    os.write(len(pool.name), b"fine: not a handle")


def wrappers(host):
    pool = Pool(host)
    os.write(handle_of(pool.sock), b"x")  # error: WSK201
    win32file.WriteFile(same(pool.sock).fileno(), b"x")  # error: WSK102
    os.write(pool.command("GET"), b"fine: whatever it returns is no socket")


def keywords(host, **kwargs):
    pool = Pool(host)
    opts = {"fd": pool.sock.fileno(), "data": b"x"}
    write_fd(**opts)  # error: WSK201
    forward(**kwargs)
    files = {"fd": os.open("log", os.O_WRONLY), "data": b"x"}
    write_fd(**files)


class Replica(Pool):
    def go(self):
        win32file.WriteFile(self.sock.fileno(), b"x")  # error: WSK102
        os.write(self.spare.fileno(), b"fine: a file")
