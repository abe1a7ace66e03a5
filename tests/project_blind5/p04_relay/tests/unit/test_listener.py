import os
import socket
import sys

import pytest


def test_dup_listener(listener):
    copy = socket.socket(fileno=os.dup(listener.fileno()))  # error: WSK202
    assert copy.getsockname() == listener.getsockname()
    copy.close()


@pytest.mark.skipif(sys.platform == "win32", reason="dup2 onto stdio is POSIX only")
def test_dup2_stdin(listener):
    saved = os.dup(0)
    try:
        os.dup2(listener.fileno(), 0)
    finally:
        os.dup2(saved, 0)
        os.close(saved)
