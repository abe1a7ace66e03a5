import os
import sys

import pytest

from svcprobe import connected
from svcprobe.winio import read_handle, write_handle

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Win32 I/O paths")


def test_winio_on_a_pipe():
    import msvcrt

    r, w = os.pipe()
    try:
        write_handle(msvcrt.get_osfhandle(w), b"ping")
        assert read_handle(msvcrt.get_osfhandle(r), 4) == b"ping"
    finally:
        os.close(r)
        os.close(w)


def test_echo_with_readfile(echo_server):
    import win32file

    with connected(echo_server.address) as s:
        s.sendall(b"hello")
        _hr, data = win32file.ReadFile(s.fileno(), 64)  # error: WSK101
        assert bytes(data) == b"hello"


def test_echo_with_wsarecv(echo_server):
    import pywintypes
    import win32event
    import win32file

    with connected(echo_server.address) as s:
        s.sendall(b"hello")
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        buf = win32file.AllocateReadBuffer(64)
        win32file.WSARecv(s, buf, ov, 0)
        n = win32file.GetOverlappedResult(s.fileno(), ov, True)
        assert bytes(buf[:n]) == b"hello"
