"""Bridge historian requests to field devices; serve the local poll port."""
import os
import socket
import socketserver
import threading

import win32file

from .fdutil import CountingProxy, close_quietly, write_fully
from .framing import FramedHandler

AUDIT_PATH = r"C:\ProgramData\gateway\audit.bin"


def relay_frame(device_host, frame):
    upstream = socket.create_connection((device_host, 502), timeout=3)
    try:
        write_fully(upstream.fileno(), frame)  # error: WSK201
        return upstream.recv(260)
    finally:
        close_quietly(upstream)


def audit(frame):
    with open(AUDIT_PATH, "ab", buffering=0) as log:
        write_fully(log.fileno(), frame)


def open_counted(device_host):
    proxy = CountingProxy(socket.create_connection((device_host, 502), timeout=3))
    win32file.WriteFile(proxy.fileno(), b"\x00\x00\x00\x00\x00\x02\x01\x08")  # error: WSK102
    return proxy


class PollHandler(FramedHandler):
    def handle(self):
        spare = os.dup(self.request.fileno())  # error: WSK202
        threading.Thread(target=self._watch, args=(spare,), daemon=True).start()
        for line in self.rfile:
            self.wfile.write(line)

    def _watch(self, spare):
        pass


def serve(port=1502):
    with socketserver.ThreadingTCPServer(("0.0.0.0", port), PollHandler) as srv:
        srv.serve_forever()
