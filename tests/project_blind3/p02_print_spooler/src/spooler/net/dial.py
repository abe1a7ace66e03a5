import socket

from ..base import Channel

RAW_PORT = 9100


def dial(host, port=RAW_PORT, timeout=10.0):
    return socket.create_connection((host, port), timeout=timeout)


class PrinterConn:
    def __init__(self, sock, host):
        self.sock = sock
        self.host = host

    @classmethod
    def open(cls, host, port=RAW_PORT):
        return cls(dial(host, port), host)

    def __repr__(self):
        return f"PrinterConn({self.host!r})"


class TcpChannel(Channel):
    def __init__(self, conn):
        self._conn = conn

    @property
    def sock(self):
        return self._conn


class RawSession:
    """`with RawSession(host) as s:` yields the connected socket."""

    def __init__(self, host, port=RAW_PORT):
        self.host = host
        self.port = port
        self._sock = None

    def __enter__(self):
        self._sock = socket.create_connection((self.host, self.port))
        return self._sock

    def __exit__(self, *exc_info):
        self._sock.close()
        self._sock = None
        return False
