"""Device links for the lab controller.

Every instrument is reached over TCP. ``BaseLink`` owns the connection;
subclasses add the instrument-specific protocol.
"""
import logging
import os
import socket
import time

logger = logging.getLogger(__name__)


class LinkError(Exception):
    pass


class BaseLink:
    """Owns the TCP connection to one instrument."""

    default_port = 5025

    def __init__(self, host, port=None, timeout=3.0):
        self.host = host
        self.port = port or self.default_port
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect((self.host, self.port))
        logger.info("connected to %s:%d", self.host, self.port)

    @property
    def connection(self):
        return self.sock

    @property
    def fd(self):
        return self.sock.fileno()

    def close(self):
        self.sock.close()


class ScpiLink(BaseLink):
    """SCPI over raw socket (port 5025)."""

    def write(self, command):
        line = (command + "\n").encode("ascii")
        os.write(self.sock.fileno(), line)  # error: WSK201

    def query(self, command, timeout=2.0):
        self.write(command)
        deadline = time.monotonic() + timeout
        with os.fdopen(self.sock.fileno(), "rb", closefd=False) as stream:  # error: WSK203
            line = stream.readline()
        if time.monotonic() > deadline:
            raise LinkError("timeout waiting for %r" % command)
        return line.decode("ascii").strip()

    def identify(self):
        return self.query("*IDN?")


class StreamingLink(ScpiLink):
    """Instruments that push sample blocks after ``INIT``."""

    block_size = 4096

    def start(self):
        self.write("INIT:CONT ON")

    def read_block(self):
        self.connection.settimeout(5.0)
        return self.connection.recv(self.block_size)

    def health(self):
        st = os.fstat(self.fd)  # error: WSK205
        return {"mode": st.st_mode, "host": self.host}

    def flush_raw(self, payload):
        os.write(self.connection.fileno(), payload)  # error: WSK201


class LoggingLink:
    """Not a network link: wraps a capture file with the same interface."""

    def __init__(self, path):
        self.sock = open(path, "ab")

    @property
    def fd(self):
        return self.sock.fileno()

    def write(self, command):
        os.write(self.fd, (command + "\n").encode())
        os.fsync(self.fd)

    def close(self):
        self.sock.close()


def connect(kind, host):
    links = {"scpi": ScpiLink, "stream": StreamingLink}
    try:
        return links[kind](host)
    except KeyError:
        raise LinkError("unknown link kind %r" % kind) from None
