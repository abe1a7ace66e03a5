"""Tests for the connection helpers (run on Linux, macOS and Windows CI)."""
import os
import socket
import sys
import unittest

import pytest


class DescriptorTests(unittest.TestCase):
    def setUp(self):
        self.a, self.b = socket.socketpair()
        self.addCleanup(self.a.close)
        self.addCleanup(self.b.close)

    @unittest.skipUnless(os.name == "posix", "sockets are CRT descriptors only on POSIX")
    def test_read_via_os(self):
        self.b.sendall(b"x")
        self.assertEqual(os.read(self.a.fileno(), 1), b"x")

    @unittest.skipIf(sys.platform == "win32", "os.fstat does not accept socket handles")
    def test_fstat_reports_socket(self):
        import stat
        self.assertTrue(stat.S_ISSOCK(os.fstat(self.a.fileno()).st_mode))

    def test_blocking_flag(self):
        s = socket.socket()
        self.addCleanup(s.close)
        s.setblocking(False)
        self.assertFalse(os.get_blocking(s.fileno()))  # error: WSK205

    def test_blocking_flag_portable(self):
        s = socket.socket()
        self.addCleanup(s.close)
        s.setblocking(False)
        self.assertFalse(s.getblocking())

    def test_stdout_is_not_a_tty_under_ci(self):
        if os.environ.get("CI"):
            self.assertFalse(os.isatty(sys.stdout.fileno()))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptor semantics")
class TestPosixOnly:
    def test_dup_and_close(self):
        a, b = socket.socketpair()
        fd = os.dup(a.fileno())
        os.close(fd)
        a.close()
        b.close()

    def test_write_via_os(self):
        a, b = socket.socketpair()
        os.write(a.fileno(), b"hi")
        assert b.recv(2) == b"hi"


@pytest.mark.skipif(sys.platform == "win32", reason="fdopen on a socket is POSIX only")
def test_fdopen_socket():
    a, b = socket.socketpair()
    with os.fdopen(os.dup(a.fileno()), "wb", buffering=0) as f:
        f.write(b"z")
    assert b.recv(1) == b"z"


def test_isatty_on_socket():
    s = socket.socket()
    try:
        assert not os.isatty(s.fileno())  # error: WSK205
    finally:
        s.close()


def test_pipe_roundtrip():
    r, w = os.pipe()
    os.write(w, b"ok")
    assert os.read(r, 2) == b"ok"
    os.close(r)
    os.close(w)
