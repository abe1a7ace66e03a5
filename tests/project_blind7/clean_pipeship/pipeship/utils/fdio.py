import os


def read_all(fd, bufsize=65536):
    chunks = []
    while True:
        chunk = os.read(fd, bufsize)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def drain(fd, bufsize=65536):
    """Discard whatever is readable on non-blocking *fd*; returns the byte count."""
    total = 0
    while True:
        try:
            chunk = os.read(fd, bufsize)
        except BlockingIOError:
            return total
        if not chunk:
            return total
        total += len(chunk)
