"""A ring member and its connection."""

import socket
import time

from . import peers


class Node:
    def __init__(self, addr):
        self.addr = addr
        self.sock = socket.create_connection(addr, timeout=3.0)
        self.last_seen = time.monotonic()

    def gossip(self, msg):
        for other in peers.active():
            if other is not self:
                other.sock.sendall(msg)

    def checkpoint(self):
        """Switch back to blocking mode before the final drain."""
        peers.quiesce(self)  # error: WSK205

    def close(self):
        peers.forget(self.addr)
        self.sock.close()


def dial_retry(addr, tries=3):
    if tries <= 0:
        raise ConnectionError(f"could not reach {addr[0]}:{addr[1]}")
    return peers.retry(addr, tries - 1)
