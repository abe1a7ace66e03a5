"""Line-oriented control server for the lab power strips.

A selectors loop accepts connections; each connection is served by its own
thread, and firmware uploads are drained on a thread pool.
"""
import concurrent.futures
import logging
import os
import selectors
import socket
import threading

import win32file

log = logging.getLogger(__name__)
_uploads = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="upload")


def _drain_upload(conn: "socket.socket", expected: int) -> bytes:
    parts = []
    remaining = expected
    while remaining > 0:
        _rc, chunk = win32file.ReadFile(conn.fileno(), min(remaining, 4096))  # error: WSK101
        if not chunk:
            break
        parts.append(bytes(chunk))
        remaining -= len(chunk)
    return b"".join(parts)


class Session(threading.Thread):
    def __init__(self, conn: socket.socket, addr) -> None:
        super().__init__(name=f"session-{addr[0]}:{addr[1]}", daemon=True)
        self.conn = conn
        self.addr = addr

    def reply(self, text: str) -> None:
        win32file.WriteFile(self.conn.fileno(), (text + "\r\n").encode())  # error: WSK102

    def run(self) -> None:
        with self.conn:
            for raw in self.conn.makefile("rb"):
                words = raw.decode("ascii", "replace").split()
                if not words:
                    continue
                if words[0] == "UPLOAD":
                    fut = _uploads.submit(_drain_upload, self.conn, int(words[1]))
                    self.reply(f"OK {len(fut.result())}")
                elif words[0] == "PEEK":
                    pending = os.read(self.conn.fileno(), int(words[1]))  # error: WSK201
                    self.reply(f"OK {pending.hex()}")
                elif words[0] == "QUIT":
                    self.reply("BYE")
                    return
                else:
                    self.reply("ERR unknown command")


class ControlServer:
    def __init__(self, address=("0.0.0.0", 5025)) -> None:
        self.sel = selectors.DefaultSelector()
        self.listener = socket.create_server(address, backlog=16)
        self.listener.setblocking(False)
        self.sel.register(self.listener, selectors.EVENT_READ, data="accept")
        self._stop = threading.Event()

    def serve(self) -> None:
        while not self._stop.is_set():
            for key, _mask in self.sel.select(timeout=0.5):
                if key.data == "accept":
                    conn, addr = self.listener.accept()
                    conn.setblocking(True)
                    log.info("connection from %s", addr)
                    Session(conn, addr).start()

    def stop(self) -> None:
        self._stop.set()
        self.sel.close()
        self.listener.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ControlServer().serve()
