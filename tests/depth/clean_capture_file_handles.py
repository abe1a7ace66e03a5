"""Packet-capture file plumbing for the lab recorder.

Historical naming: ``sock`` and ``conn`` here are capture files and device
handles, because the recorder once read from a socket.  The one real socket
(the upload channel) is only ever used through its own methods.
"""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys

if os.name == "nt":
    import msvcrt

    import win32file
else:
    msvcrt = win32file = None


class CaptureFile:
    def __init__(self, path: str) -> None:
        self.sock = open(path, "ab")
        self.path = path

    def append(self, frame: bytes) -> None:
        self.sock.write(len(frame).to_bytes(4, "little") + frame)

    def commit(self) -> None:
        self.sock.flush()
        os.fsync(self.sock.fileno())

    def truncate_to(self, size: int) -> None:
        os.ftruncate(self.sock.fileno(), size)

    def os_handle(self) -> int:
        if msvcrt is None:
            raise OSError("Windows only")
        return msvcrt.get_osfhandle(self.sock.fileno())


class Uploader:
    def __init__(self, addr: tuple[str, int]) -> None:
        self.sock = socket.create_connection(addr, timeout=30)

    def push(self, cap: CaptureFile) -> None:
        with open(cap.path, "rb") as f:
            self.sock.sendfile(f)
        self.sock.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self.sock.close()


def read_device(name: str, size: int) -> bytes:
    """Read a block from the capture card's device handle (Windows)."""
    sock_handle = win32file.CreateFile(
        rf"\\.\{name}", 0x80000000, 0, None, 3, 0, None
    )
    try:
        hr, data = win32file.ReadFile(sock_handle, size)
    finally:
        win32file.CloseHandle(sock_handle)
    return bytes(data)


def probe_then_reopen(addr: tuple[str, int], spool: str) -> int:
    s = socket.create_connection(addr, timeout=2)
    s.sendall(b"HELLO\n")
    s.close()
    s = open(spool, "rb")
    try:
        return os.fstat(s.fileno()).st_size
    finally:
        s.close()


def tail_index(path: str) -> bytes:
    socket = open(path, "rb")
    try:
        os.lseek(socket.fileno(), -64, os.SEEK_END)
        return os.read(socket.fileno(), 64)
    finally:
        socket.close()


def raw_append(fd, data: bytes) -> int:
    """Public helper for plugins that manage their own descriptors."""
    return os.write(fd, data)


def compress(path: str) -> None:
    conn = os.open(path + ".zst", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    with io.open(conn, "wb", closefd=True) as out, open(path, "rb") as src:
        subprocess.run(["zstd", "-q", "-c"], stdin=src, stdout=out, check=True)


def redirect_logs(log_path: str) -> None:
    sock = open(log_path, "a", buffering=1)
    os.dup2(sock.fileno(), sys.stderr.fileno())
    subprocess.Popen([sys.executable, "-m", "recorder.watchdog"], stdout=sock, stderr=sock)
