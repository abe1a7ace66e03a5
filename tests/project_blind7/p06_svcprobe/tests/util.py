"""Helpers shared by the test modules."""
import os


def fd_reader(fd):
    """A buffered binary reader over descriptor *fd* (not closed on exit)."""
    return os.fdopen(fd, "rb", closefd=False)


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise EOFError(f"wanted {n} bytes, got {len(buf)}")
        buf += chunk
    return buf
