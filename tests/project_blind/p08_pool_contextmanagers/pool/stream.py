"""Borrow a pooled connection for the length of a ``with`` block."""

from .conn import Pool


class Checkout:
    def __init__(self, pool: Pool):
        self.pool = pool
        self.sock = None

    def __enter__(self):
        s = self.pool.get()
        self.sock = s
        return s

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.pool.put(self.sock)
        else:
            self.sock.close()
        self.sock = None
        return False
