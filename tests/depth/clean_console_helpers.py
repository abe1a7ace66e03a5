"""Console helpers shared by the CLI tools (public API of ``mytools.console``).

Callers live in other packages; nothing here knows what kind of stream it gets.
"""
import io
import os
import socket
import subprocess
import sys
from typing import BinaryIO


def read_exactly(fd, n):
    """Read exactly n bytes from a descriptor or raise EOFError."""
    chunks = []
    while n:
        chunk = os.read(fd, n)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def reopen_text(conn, encoding="utf-8"):
    """A text view over an already-open binary stream, without closing it."""
    return io.open(conn.fileno(), "r", encoding=encoding, closefd=False)


def clone_stream(sock):
    """Duplicate the descriptor behind a stream so it can outlive the original."""
    return os.fdopen(os.dup(sock.fileno()), "rb")


def is_interactive(stream=None):
    stream = stream or sys.stdin
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, io.UnsupportedOperation, OSError):
        return False


def set_nonblocking(conn: BinaryIO, enabled: bool = True) -> None:
    os.set_blocking(conn.fileno(), not enabled)


def drain_input(conn: BinaryIO, limit: int = 1 << 20) -> bytes:
    set_nonblocking(conn)
    data = b""
    try:
        while len(data) < limit:
            try:
                chunk = os.read(conn.fileno(), 4096)
            except BlockingIOError:
                break
            if not chunk:
                break
            data += chunk
    finally:
        set_nonblocking(conn, False)
    return data


def flush_hard(sock):
    sock.flush()
    os.fsync(sock.fileno())


def save_transcript(path, text):
    with open(path, "w", encoding="utf-8") as sock:
        sock.write(text)
        flush_hard(sock)


def page(text, pager=("less", "-R")):
    if not is_interactive(sys.stdout):
        sys.stdout.write(text)
        return
    proc = subprocess.Popen(pager, stdin=subprocess.PIPE, stdout=sys.stdout.fileno())
    proc.communicate(text.encode())


def notify_ready(port=9999):
    """Tell the dev supervisor (listening on UDP) that the tool has started."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(f"ready {os.getpid()}".encode(), ("127.0.0.1", port))


if __name__ == "__main__":
    notify_ready()
    pending = drain_input(sys.stdin.buffer)
    page(pending.decode(errors="replace"))
