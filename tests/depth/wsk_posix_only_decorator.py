"""Peer transport of a file-sync daemon.

The fast paths that poke at the raw descriptor are fenced by the module's own
``posix_only`` decorator.  Other decorators here log or refuse POSIX instead,
and do not keep Windows out.
"""
import functools
import logging
import os
import socket
import sys

log = logging.getLogger("syncd.peer")


def posix_only(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if os.name == "nt":
            raise NotImplementedError(f"{func.__name__} is not available on Windows")
        return func(*args, **kwargs)

    return wrapper


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        log.debug("-> %s", func.__qualname__)
        try:
            return func(*args, **kwargs)
        finally:
            log.debug("<- %s", func.__qualname__)

    return wrapper


def windows_only(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if sys.platform != "win32":
            raise NotImplementedError(f"{func.__name__} is only used by the Windows service")
        return func(*args, **kwargs)

    return wrapper


class PeerLink:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=10)
        self.sent = 0

    @posix_only
    def enable_fast_path(self) -> None:
        os.set_blocking(self.sock.fileno(), False)
        os.set_inheritable(self.sock.fileno(), False)

    @logged
    @posix_only
    def dup_for_hasher(self) -> int:
        return os.dup(self.sock.fileno())

    @posix_only
    @logged
    def stat(self):
        return os.fstat(self.sock.fileno())

    @logged
    def send_manifest(self, blob: bytes) -> None:
        os.write(self.sock.fileno(), blob)  # error: WSK201
        self.sent += len(blob)

    @windows_only
    def hand_to_service(self) -> None:
        os.set_inheritable(self.sock.fileno(), True)  # error: WSK205

    @windows_only
    def native_handle(self) -> int:
        import msvcrt

        return msvcrt.get_osfhandle(self.sock.fileno())  # error: WSK204

    def posix_fast_close(self) -> None:
        # named for POSIX, but nothing keeps Windows out
        os.close(self.sock.detach())  # error: WSK205


@posix_only
def splice_to_disk(link: PeerLink, path: str, size: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        os.write(fd, os.read(link.sock.fileno(), size))
    finally:
        os.close(fd)


def sync_once(host: str, port: int, manifest: bytes) -> None:
    link = PeerLink(host, port)
    if sys.platform != "win32":
        link.enable_fast_path()
    link.send_manifest(manifest)
    link.posix_fast_close()
