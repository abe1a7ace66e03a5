"""Telemetry uplink: ships metric batches to the collector.

Written against an old codebase that aliased the socket module everywhere,
so the imports look a little unusual.
"""
import io
import logging
import os
import socket as _s
import time
from socket import AF_INET, SOCK_DGRAM, SOCK_STREAM
from socket import socket as Socket

LOG = logging.getLogger("uplink")

COLLECTOR = ("collector.internal", 4500)


def open_stream_uplink(host, port):
    """Return a TCP connection to the collector with keepalive enabled."""
    conn = _s.create_connection((host, port), timeout=5)
    conn.setsockopt(_s.SOL_SOCKET, _s.SO_KEEPALIVE, 1)
    return conn


class Uplink:
    def __init__(self, host=COLLECTOR[0], port=COLLECTOR[1]):
        self.transport_sock = open_stream_uplink(host, port)
        self._s = Socket(AF_INET, SOCK_DGRAM)
        self._s.connect((host, port + 1))
        self.reader = None

    def attach_reader(self):
        """Buffered reader for collector acknowledgements."""
        self.reader = io.open(self.transport_sock.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
        return self.reader

    def send_batch(self, lines):
        payload = "\n".join(lines).encode("ascii") + b"\n"
        self.transport_sock.sendall(payload)
        LOG.debug("sent %d metrics", len(lines))

    def send_heartbeat(self):
        stamp = str(int(time.time())).encode()
        os.write(self._s.fileno(), b"hb " + stamp)  # error: WSK201

    def backup_handle(self):
        """Keep a second descriptor so a reconnect can drain the old one."""
        return os.dup(self._s.fileno())  # error: WSK202

    def close(self):
        if self.reader is not None:
            self.reader.close()
        self.transport_sock.close()
        self._s.close()


def probe(host, port, attempts=3):
    """Check that the collector accepts connections; returns the RTT in ms."""
    for attempt in range(attempts):
        probe_sock = Socket(AF_INET, SOCK_STREAM)
        probe_sock.settimeout(2.0)
        start = time.monotonic()
        try:
            probe_sock.connect((host, port))
        except OSError as exc:
            LOG.info("probe %d failed: %s", attempt, exc)
            continue
        finally:
            probe_sock.close()
        return (time.monotonic() - start) * 1000.0
    return None


def spool_to_disk(lines, path="uplink.spool"):
    """When the collector is down, spool to a file (still called sock for history)."""
    sock = open(path, "ab")
    try:
        sock.write("\n".join(lines).encode() + b"\n")
        os.fsync(sock.fileno())
    finally:
        sock.close()
