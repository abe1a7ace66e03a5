"""The spooler can also write to a connected socket; POSIX only."""

import os
import sys

import pytest

from spooler import JobQueue

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sockets are not CRT descriptors on Windows")


def test_submit_over_socket(client_sock):
    q = JobQueue(client_sock.fileno())
    q.submit(b"job")
    os.set_blocking(client_sock.fileno(), False)
    os.write(client_sock.fileno(), b"")
