"""Glue for the vendor SDK; its connection type is not ours to know."""
import os

from somelib import connect
from somelib.transport import open_channel


def push_status(endpoint, status):
    link = connect(endpoint)
    os.write(link.fileno(), status.encode("utf-8"))
    os.close(link.fileno())


def push_raw(endpoint, data):
    ch = open_channel(endpoint)
    fd = ch.fileno()
    os.set_blocking(fd, False)
    return os.write(fd, data)


def rebound(path, host, port):
    import socket

    conn = socket.create_connection((host, port))
    conn.close()
    conn = open(path, "ab", buffering=0)
    os.write(conn.fileno(), b"closed\n")
    conn.close()
