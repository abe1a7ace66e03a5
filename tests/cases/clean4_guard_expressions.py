"""A transport's descriptor fast paths, each behind a guard the code writes as an expression
or a flag, or behind a Windows branch that leaves first."""
import logging
import os
import socket
import sys

log = logging.getLogger("transport")

IS_LINUX = sys.platform.startswith("linux")
IS_BSD = sys.platform.startswith(("freebsd", "openbsd", "netbsd"))
WINDOWS = sys.platform == "win32"
POSIX = os.name == "posix"
FAST_FDS = POSIX and not sys.platform.startswith("darwin")
SLOW_PATH = WINDOWS or sys.platform == "cygwin"


class Transport:
    def __init__(self, address):
        self.sock = socket.create_connection(address)
        IS_LINUX and log.debug("connected, fd stat %s", os.fstat(self.sock.fileno()))
        sys.platform == "linux" and os.set_inheritable(self.sock.fileno(), False)
        WINDOWS or os.set_blocking(self.sock.fileno(), False)

    def read(self, n: int) -> bytes:
        if sys.platform.startswith(("win", "cygwin")):
            return self.sock.recv(n)
        return os.read(self.sock.fileno(), n)

    def write(self, data: bytes) -> int:
        return os.write(self.sock.fileno(), data) if FAST_FDS else self.sock.send(data)

    def flush(self) -> None:
        if SLOW_PATH:
            return
        os.fsync(self.sock.fileno()) if IS_BSD else None

    def close(self) -> None:
        if not POSIX:
            self.sock.close()
            return
        os.close(self.sock.detach())


listener = socket.create_server(("127.0.0.1", 0))
IS_LINUX and log.debug("listener inheritable: %s", os.get_inheritable(listener.fileno()))
