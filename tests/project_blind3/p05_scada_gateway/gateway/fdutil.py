"""Descriptor helpers shared by the bridge and the audit log."""
import os
import socket


def write_fully(fd, data):
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def close_quietly(conn: socket.socket) -> None:
    try:
        os.close(conn.fileno())  # error: WSK205
    except OSError:
        pass


class CountingProxy:
    """Wraps a connection and counts the bytes that went through it."""

    def __init__(self, conn):
        self._conn = conn
        self.sent = 0

    def send(self, data):
        n = self._conn.send(data)
        self.sent += n
        return n

    def fileno(self):
        return self._conn.fileno()

    def close(self):
        self._conn.close()
