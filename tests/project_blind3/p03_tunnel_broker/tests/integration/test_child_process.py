import os
import subprocess
import sys

import pytest

ECHO = "import sys; sys.stdout.write(sys.stdin.read())"


def test_child_reads_from_peer(client, accepted):
    client.sendall(b"payload")
    client.close()
    result = subprocess.run(  # error: WSK301
        [sys.executable, "-c", ECHO],
        stdin=accepted,
        capture_output=True,
        timeout=10,
    )
    assert result.stdout == b"payload"


def test_child_via_pipe_relay(client, accepted):
    client.sendall(b"payload")
    client.close()
    data = accepted.recv(64)
    result = subprocess.run([sys.executable, "-c", ECHO], input=data, capture_output=True, timeout=10)
    assert result.stdout == b"payload"


@pytest.mark.skipif(sys.platform != "win32", reason="msvcrt is Windows-only")
def test_crt_descriptor(detached):
    import msvcrt

    fd = msvcrt.open_osfhandle(detached, os.O_RDWR)  # error: WSK204
    assert fd >= 0
