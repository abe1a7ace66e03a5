"""Replica side: reads what the journal wrote."""

import os
import sys

from .compat import open_log, write_all


def tail_info(log_path):
    conn = open_log(log_path)
    try:
        st = os.fstat(conn.fileno())
        if sys.platform == "win32":
            import msvcrt

            handle = msvcrt.get_osfhandle(conn.fileno())
        else:
            handle = conn.fileno()
        return st.st_size, handle
    finally:
        conn.close()


def write_marker(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        write_all(fd, b"replica-ok\n")
    finally:
        os.close(fd)
