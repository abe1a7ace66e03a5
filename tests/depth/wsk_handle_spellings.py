"""Low-level adapters used by the metrics exporter on Windows hosts.

Collected over several years by different people; each wrote the handle
lookup their own way.
"""
import logging
import msvcrt
import os
import socket
import typing

logger = logging.getLogger("exporter.lowlevel")


class ExporterConnection:
    def __init__(self, address):
        self.address = address
        self.sock = socket.create_connection(address)

    def read_header(self):
        handle = getattr(self.sock, "fileno")()
        return os.read(handle, 16)  # error: WSK201

    def clone_descriptor(self):
        fd = socket.socket.fileno(self.sock)
        return os.dup(fd)  # error: WSK202

    def crt_handle(self):
        return msvcrt.get_osfhandle(self.sock.fileno())  # error: WSK204

    def release_to_crt(self):
        """Give up socket ownership and wrap the raw handle as a CRT fd."""
        raw = self.sock.detach()
        return msvcrt.open_osfhandle(raw, os.O_RDONLY)  # error: WSK204

    def close(self):
        self.sock.close()


def stat_registered(obj: object) -> os.stat_result:
    """Objects in the registry are sockets by construction (see register())."""
    return os.fstat(typing.cast(socket.socket, obj).fileno())  # error: WSK205


def is_console(stream) -> bool:
    # ``stream`` is whatever the caller passes: sys.stdout, a log file...
    return os.isatty(stream.fileno())


def crt_handle_of_file(path: str) -> int:
    f = open(path, "rb")
    try:
        return msvcrt.get_osfhandle(f.fileno())
    finally:
        f.close()


_registry: typing.List[object] = []


def register(host: str, port: int) -> object:
    conn = socket.create_connection((host, port))
    _registry.append(conn)
    return conn


def export_once(host: str, port: int, payload: bytes) -> None:
    conn = ExporterConnection((host, port))
    try:
        logger.debug("header %r", conn.read_header())
        conn.sock.sendall(payload)
    finally:
        conn.close()


def inheritable_check(sock_fd: int) -> bool:
    """Called by the service wrapper with its own log file descriptor."""
    return os.get_inheritable(sock_fd)
