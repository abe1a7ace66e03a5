import os
import socket
import sys
import unittest

import pytest
from helpers import posix_only

from guardnet.net import connect


class DescriptorTests(unittest.TestCase):
    @posix_only
    def test_dup(self):
        a, b = socket.socketpair()
        fd = os.dup(a.fileno())
        os.close(fd)
        a.close()
        b.close()

    @unittest.skipIf(sys.platform == "win32", "POSIX descriptors")
    def test_fstat(self):
        s = connect(("127.0.0.1", 9))
        os.fstat(s.fileno())
        s.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
def test_read_socketpair(pair):
    a, b = pair
    b.sendall(b"z")
    assert os.read(a.fileno(), 1) == b"z"
