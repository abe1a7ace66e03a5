"""Zero-copy helpers for Linux/macOS builds."""
import os
import sys

if sys.platform == "win32":
    raise ImportError("castd.posix_fastpath is POSIX-only")


def push_file(conn, path, chunk=1 << 16):
    os.set_blocking(conn.fileno(), True)
    with open(path, "rb") as f:
        while data := f.read(chunk):
            view = memoryview(data)
            while view:
                view = view[os.write(conn.fileno(), view):]
