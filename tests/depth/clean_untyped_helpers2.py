"""Low-level helpers of the `fdtools` library.

Public functions take "anything with a descriptor".  The library never
creates sockets itself; parameter names follow the historical API
(`sock`, `conn`) even though callers pass pipes, files and ttys.
"""
from __future__ import annotations

import os
import ssl
import subprocess
from typing import IO, BinaryIO, Protocol

try:
    import win32file
except ImportError:  # not on Windows
    win32file = None


class HasFileno(Protocol):
    def fileno(self) -> int: ...


def read_exact(sock, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(sock.fileno(), n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


def duplicate(conn, *, inheritable: bool = False) -> int:
    fd = os.dup(conn.fileno())
    os.set_inheritable(fd, inheritable)
    return fd


def as_binary(sock: BinaryIO) -> IO[bytes]:
    return os.fdopen(sock.fileno(), "rb", closefd=False)


def is_interactive(conn: HasFileno) -> bool:
    return os.isatty(conn.fileno())


def attach_child(argv: list[str], sock=None, conn: IO[bytes] | None = None) -> subprocess.Popen:
    return subprocess.Popen(argv, stdin=sock, stdout=conn)


def win_write(sock, data: bytes) -> int:
    if win32file is None:
        raise OSError("win_write needs pywin32")
    _err, n = win32file.WriteFile(sock.fileno(), data, None)
    return n


def close_quietly(socket) -> None:
    # `socket` is the caller's object here, not the module
    try:
        os.close(socket.fileno())
    except OSError:
        pass


def call_named(obj, method: str) -> int:
    return os.fstat(getattr(obj, method)()).st_size


class TLSBuffer:
    """TLS over memory BIOs: there is no socket and no descriptor."""

    def __init__(self, ctx: ssl.SSLContext, hostname: str, out_fd: int) -> None:
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.sock = ctx.wrap_bio(self.incoming, self.outgoing, server_hostname=hostname)
        self.out_fd = out_fd

    def pump(self) -> None:
        try:
            self.sock.do_handshake()
        except ssl.SSLWantReadError:
            pass
        data = self.outgoing.read()
        if data:
            os.write(self.out_fd, data)


def log_to_stderr_copy(conn: IO[str]) -> None:
    os.dup2(conn.fileno(), 2)


def demo() -> None:
    r, w = os.pipe()
    os.write(w, b"abcd")
    with open(r, "rb", closefd=False) as sock:
        print(read_exact(sock, 4))
    conn = open(os.devnull, "wb")
    print(duplicate(conn), is_interactive(conn))
    close_quietly(conn)
    tls = TLSBuffer(ssl.create_default_context(), "example.org", w)
    tls.pump()
    os.close(w)
