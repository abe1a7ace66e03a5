"""Journal writer."""

import os
import socket
import sys

from .compat import open_journal, open_log, redirect, sync, write_all


class Journal:
    def __init__(self, path, log_path):
        self.fd = open_journal(path)
        self.log = open_log(log_path)

    def append(self, record: bytes) -> None:
        write_all(self.fd, len(record).to_bytes(4, "big") + record)
        sync(self.fd)
        self.log.write(b"+" + str(len(record)).encode() + b"\n")
        self.log.flush()
        sync(self.log.fileno())

    def notify(self, host, port):
        """Tell the replica there is new data; the socket only uses its own methods."""
        conn = socket.create_connection((host, port), timeout=5)
        conn.sendall(b"TICK\n")
        conn.close()
        write_all(self.log.fileno(), b"notified\n")


def wakeup_pipe():
    r, w = os.pipe()
    write_all(w, b"\0")
    return r, w


def quiet_mode(log_path):
    sock = open_journal(log_path)
    write_all(sock, b"--- quiet mode ---\n")
    redirect(sock, sys.stderr.fileno())
    return sock
