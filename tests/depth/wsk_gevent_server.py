"""gevent line-protocol server for the warehouse scanners.

Each scanner opens a TCP connection and sends one barcode per line.
"""
import logging
import os

import gevent
from gevent import socket as gsocket
from gevent.server import StreamServer

log = logging.getLogger("scanners")

INVENTORY_HOST = ("inventory.internal", 8800)


class InventoryClient:
    def __init__(self):
        self.conn = gsocket.create_connection(INVENTORY_HOST, timeout=5)
        self.pending = 0

    def lookup(self, barcode):
        self.conn.sendall(b"GET " + barcode + b"\n")
        self.pending += 1
        return self.conn.recv(256)

    def journal(self):
        """Replay log of the inventory link, as a file object."""
        return os.fdopen(self.conn.fileno(), "rb", buffering=0)  # error: WSK203

    def close(self):
        self.conn.close()


inventory = None


def handle_scanner(sock, address):
    """StreamServer handler: ``sock`` is the accepted gevent socket."""
    log.info("scanner %s connected", address[0])
    spare = os.dup(sock.fileno())  # error: WSK202
    log.debug("spare descriptor %d", spare)
    reader = sock.makefile("rb")
    try:
        for line in reader:
            barcode = line.strip()
            if not barcode:
                continue
            answer = inventory.lookup(barcode)
            sock.sendall(answer)
    finally:
        reader.close()
        sock.close()


def heartbeat(interval=10.0):
    probe = gsocket.socket(gsocket.AF_INET, gsocket.SOCK_DGRAM)
    probe.connect(("monitor.internal", 9125))
    while True:
        os.write(probe.fileno(), b"scanners.alive:1|c")  # error: WSK201
        gevent.sleep(interval)


def main(port=9100):
    global inventory
    logging.basicConfig(level=logging.INFO)
    inventory = InventoryClient()
    gevent.spawn(heartbeat)
    server = StreamServer(("0.0.0.0", port), handle_scanner)
    try:
        server.serve_forever()
    finally:
        inventory.close()


if __name__ == "__main__":
    main()
