from __future__ import annotations

import socket
import time


class Client:
    def __init__(self, address, *, retries=3):
        self.address = address
        self.retries = retries
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(5)

    def open(self):
        for attempt in range(self.retries):
            try:
                self.sock.connect(self.address)
                return self
            except OSError:
                time.sleep(2**attempt)
        raise ConnectionError(self.address)
