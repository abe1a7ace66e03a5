import sys

import pytest

from chan import TcpChannel


def test_send(server):
    ch = TcpChannel(server.getsockname())
    conn, _ = server.accept()
    ch.send(b"abc")
    assert conn.recv(3) == b"abc"


@pytest.mark.skipif(sys.platform != "win32", reason="overlapped I/O is Windows only")
def test_overlapped_read(server):
    import _overlapped

    ch = TcpChannel(server.getsockname())
    conn, _ = server.accept()
    conn.sendall(b"x")
    ov = _overlapped.Overlapped(None)
    ov.ReadFile(ch.handle(), 1024)  # error: WSK101
