"""Utility functions of the camera uploader.

Helpers take unannotated arguments; whether they receive sockets depends on
their callers in this module.
"""
import logging
import os
import socket
import time

log = logging.getLogger("camup.util")

CHUNK = 32 * 1024


def send_file(sock, path):
    """Copy ``path`` to ``sock``; callers below pass a connected socket."""
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            os.write(sock.fileno(), chunk)  # error: WSK201


def read_reply(sock, size=2):
    """No caller in this module: ``sock`` could be anything."""
    return os.read(sock.fileno(), size)


def truncate_log(sock, size):
    """Only ever called with the uploader's log file."""
    os.ftruncate(sock.fileno(), size)


def mark_inheritable(conn, flag):
    os.set_inheritable(conn.fileno(), flag)  # error: WSK205


def sync_to_disk(conn):
    # Unused helper kept for plugins; never called here.
    os.fsync(conn.fileno())


def rewind(sock):
    os.lseek(sock.fileno(), 0, os.SEEK_SET)


class Uploader:
    def __init__(self, server, port, log_path):
        self.server = server
        self.port = port
        self.log_file = open(log_path, "a+b")

    def _connect(self):
        for attempt in range(5):
            try:
                return socket.create_connection((self.server, self.port), timeout=10)
            except OSError as exc:
                log.warning("connect attempt %d: %s", attempt, exc)
                time.sleep(2 ** attempt)
        raise ConnectionError("upload server unreachable")

    def upload(self, path):
        conn = self._connect()
        try:
            mark_inheritable(conn, False)
            send_file(conn, path)
            conn.shutdown(socket.SHUT_WR)
            return conn.recv(2) == b"OK"
        finally:
            conn.close()

    def reset_log(self):
        truncate_log(self.log_file, 0)
        rewind(self.log_file)
        mark_inheritable(self.log_file, False)
