import os
import socket
import sys
import unittest

import pytest

from prefork.fdtools import write_all


@unittest.skipUnless(os.name == "posix", "descriptor I/O on sockets is POSIX-only")
class DescriptorIO(unittest.TestCase):
    def test_roundtrip(self):
        a, b = socket.socketpair()
        self.addCleanup(a.close)
        self.addCleanup(b.close)
        os.write(a.fileno(), b"hi")
        self.assertEqual(os.read(b.fileno(), 2), b"hi")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX only")
def test_dup_keeps_socket_open():
    a, b = socket.socketpair()
    fd = os.dup(a.fileno())
    a.close()
    os.write(fd, b"x")
    assert b.recv(1) == b"x"
    os.close(fd)
    b.close()


def test_write_all_on_pipe():
    r, w = os.pipe()
    write_all(w, b"abc")
    assert os.read(r, 3) == b"abc"
