import os
import socket
import stat
import unittest

from fdkit.testing import posix_only


@posix_only
def test_write_raw(pair):
    a, b = pair
    os.write(a.fileno(), b"x")
    assert b.recv(1) == b"x"


@unittest.skipUnless(os.name == "posix", "POSIX descriptors only")
class DescriptorTests(unittest.TestCase):
    def test_fstat(self):
        a, b = socket.socketpair()
        self.addCleanup(a.close)
        self.addCleanup(b.close)
        self.assertTrue(stat.S_ISSOCK(os.fstat(a.fileno()).st_mode))
