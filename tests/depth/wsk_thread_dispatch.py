"""Thread-per-connection line server with an idle reaper.

Used by the kiosk firmware updater: kiosks connect, announce their version
and receive an image URL.
"""
import concurrent.futures
import logging
import os
import socket
import threading

import win32file

log = logging.getLogger("updater")

IDLE_SECONDS = 30.0
LATEST = b"https://updates.example.net/kiosk/4.2.1.img\n"


def handle(c, addr):
    """Serve one kiosk; ``c`` is the accepted connection."""
    try:
        hello = os.read(c.fileno(), 256)  # error: WSK201
        log.info("%s says %r", addr[0], hello.strip())
        c.sendall(LATEST)
    except OSError:
        log.exception("kiosk %s dropped", addr[0])
    finally:
        c.close()


def expire(c, addr):
    log.warning("closing idle connection from %s", addr[0])
    try:
        os.close(c.fileno())  # error: WSK205
    except OSError:
        pass


def audit_peek(s):
    """Read the first bytes of a connection for the audit log."""
    rc, data = win32file.ReadFile(s.fileno(), 64)  # error: WSK101
    return data


def audit_record(path):
    """Unrelated: audit records stored on disk are read the same way."""
    sock = win32file.CreateFile(path, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None)
    try:
        rc, data = win32file.ReadFile(sock, 4096)
        return data
    finally:
        sock.Close()


class UpdateServer:
    def __init__(self, port=7070):
        self.listener = socket.create_server(("", port))
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)
        self.timers = []
        self.running = True

    def serve_forever(self):
        while self.running:
            conn, addr = self.listener.accept()
            timer = threading.Timer(IDLE_SECONDS, expire, args=(conn, addr))
            timer.daemon = True
            timer.start()
            self.timers.append(timer)
            self.pool.submit(audit_peek, conn)
            worker = threading.Thread(target=handle, args=(conn, addr), daemon=True)
            worker.start()

    def shutdown(self):
        self.running = False
        for timer in self.timers:
            timer.cancel()
        self.pool.shutdown(wait=False)
        self.listener.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    UpdateServer().serve_forever()
