import socket
import sys

import pytest

from telemetry.tap import open_capture, open_tap


def test_capture_appends(capture_path):
    with open_capture(capture_path) as f:
        f.write(b"a")
    with open_capture(capture_path) as f:
        f.write(b"b")
    assert capture_path.read_bytes() == b"ab"


@pytest.mark.skipif(sys.platform == "win32", reason="socket handles are not CRT descriptors on Windows")
def test_tap_writes_through_socket(listener):
    client = socket.create_connection(listener.getsockname())
    conn, _ = listener.accept()
    with client, conn:
        with open_tap(client.fileno()) as tap:
            tap.write(b"ping")
        assert conn.recv(4) == b"ping"
