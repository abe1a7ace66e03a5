"""Background pumps for the screen-sharing client.

Frames are produced by the capture thread and written to the viewer
connection from a dedicated pump thread; input events are drained on the
shared executor.
"""
import atexit
import concurrent.futures
import functools
import logging
import os
import queue
import socket
import threading

import win32file

log = logging.getLogger("share.pumps")
_pool = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="share")


def _pump(fd: int, frames: "queue.Queue[bytes]") -> None:
    while True:
        chunk = frames.get()
        if not chunk:
            break
        os.write(fd, chunk)  # error: WSK201


def _drain(s, size: int) -> bytes:
    _, data = win32file.ReadFile(s.fileno(), size)  # error: WSK101
    return data


def _record(fd: int, line: str) -> None:
    os.write(fd, line.encode() + b"\n")


class Session:
    def __init__(self, host: str, port: int) -> None:
        self.conn = socket.create_connection((host, port))
        self.frames: "queue.Queue[bytes]" = queue.Queue(maxsize=8)
        self.audit_fd = os.open("share-audit.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)

    def start(self) -> concurrent.futures.Future:
        threading.Thread(target=_pump, args=(self.conn.fileno(), self.frames), daemon=True).start()
        audit = functools.partial(_record, self.audit_fd)
        audit("session started")
        return _pool.submit(_drain, self.conn, 1 << 16)

    def stop(self) -> None:
        self.frames.put(b"")
        self.conn.close()


def quick_hello(host: str, port: int) -> None:
    s = socket.socket()
    s.connect((host, port))
    send_raw = functools.partial(os.write, s.fileno())  # error: WSK201
    send_raw(b"HELLO 1\r\n")
    atexit.register(lambda: os.close(s.fileno()))  # error: WSK205


def make_closer(conn: socket.socket):
    def closer() -> None:
        os.close(conn.fileno())  # error: WSK205
    return closer


def log_writer(path: str):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    atexit.register(lambda: os.close(fd))
    return functools.partial(os.write, fd)


def watch(session: Session) -> None:
    r, w = os.pipe()
    t = threading.Thread(target=_record, args=(w, "watching"), daemon=True)
    t.start()
    t.join()
    log.info("watch: %r", os.read(r, 64))
