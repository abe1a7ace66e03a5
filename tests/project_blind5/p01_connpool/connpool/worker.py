"""Job worker: frames payloads and pushes them to the server."""
import logging
import os
import struct

from .compat import open_journal, write_handle
from .pool import ConnectionPool, default_pool

log = logging.getLogger(__name__)


def frame(payload: bytes) -> bytes:
    return struct.pack("!I", len(payload)) + payload


def push_job(payload: bytes) -> None:
    sock = default_pool.acquire()
    try:
        write_handle(sock.fileno(), frame(payload))  # error: WSK201
    finally:
        default_pool.release(sock)


class Worker:
    def __init__(self, pool: ConnectionPool, journal_path: str) -> None:
        self.pool = pool
        self.journal_path = journal_path

    def run_once(self, payload: bytes) -> None:
        conn = self.pool.acquire()
        os.set_blocking(conn.fileno(), False)  # error: WSK205
        try:
            conn.sendall(frame(payload))
        except BlockingIOError:
            log.warning("server busy, job requeued")
        finally:
            self.pool.release(conn)
        fd = open_journal(self.journal_path)
        try:
            write_handle(fd, payload + b"\n")
        finally:
            os.close(fd)
