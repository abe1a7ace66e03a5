"""Compatibility layer for the C++ client's framing API.

The names mirror the C++ API (ReadFile/WriteFile); none of them is the
Win32 function.
"""
import socket

from mylib.framing import ReadFile  # retrying frame reader that takes a handle


def WriteFile(sock, data):
    """Length-prefixed write, named after the C++ client's method."""
    sock.sendall(len(data).to_bytes(4, "little") + data)


def roundtrip(host, port, msg: bytes) -> bytes:
    conn = socket.create_connection((host, port))
    WriteFile(conn, msg)
    reply = ReadFile(conn.fileno(), 4096)
    conn.close()
    return reply


class FakeWin32File:
    """Test double recording what the transport would send."""

    def __init__(self):
        self.writes = []

    def WriteFile(self, handle, data, overlapped=None):
        self.writes.append((handle, data))
        return 0, len(data)

    def ReadFile(self, handle, size, overlapped=None):
        return 0, b"\0" * size


def test_transport_records_writes():
    win32file = FakeWin32File()
    a, b = socket.socketpair()
    win32file.WriteFile(a.fileno(), b"x")
    assert win32file.writes == [(a.fileno(), b"x")]
    assert win32file.ReadFile(b.fileno(), 2) == (0, b"\0\0")
    a.close()
    b.close()


class Channel:
    def __init__(self, sock: socket.socket):
        self.sock = sock

    def ReadFile(self, n):
        return self.sock.recv(n)

    def drain(self):
        return self.ReadFile(4096)
