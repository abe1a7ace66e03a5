"""Tests for the spooler's descriptor handling.

Most of these only make sense where sockets are C runtime descriptors, so they are
skipped on Windows; the cross-platform tests use pipes, files, and socket methods only.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import unittest

IS_POSIX = os.name == "posix"


@unittest.skipIf(sys.platform == "win32", "sockets are not CRT descriptors on Windows")
class SocketDescriptorTests(unittest.TestCase):
    def setUp(self) -> None:
        self.a, self.b = socket.socketpair()
        self.addCleanup(self.a.close)
        self.addCleanup(self.b.close)

    def test_raw_write(self) -> None:
        os.write(self.a.fileno(), b"abc")
        self.assertEqual(os.read(self.b.fileno(), 3), b"abc")

    def test_dup2_and_restore(self) -> None:
        saved = os.dup(1)
        try:
            os.dup2(self.a.fileno(), 1)
            os.write(1, b"via stdout")
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        self.assertEqual(self.b.recv(10), b"via stdout")

    def test_child_stdout_is_socket(self) -> None:
        subprocess.run(["printf", "ok"], stdout=self.a, check=True)
        self.assertEqual(self.b.recv(2), b"ok")


@unittest.skipUnless(IS_POSIX, "fd flags")
class FlagTests(unittest.TestCase):
    def setUp(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))

    def tearDown(self) -> None:
        self.listener.close()

    def test_blocking_flag(self) -> None:
        os.set_blocking(self.listener.fileno(), False)
        self.assertFalse(os.get_blocking(self.listener.fileno()))
        self.assertFalse(os.get_inheritable(self.listener.fileno()))


class PortableTests(unittest.TestCase):
    def setUp(self) -> None:
        self.sock_r, self.sock_w = os.pipe()  # a pipe, despite the names
        self.conn = tempfile.TemporaryFile()
        self.left, self.right = socket.socketpair()

    def tearDown(self) -> None:
        os.close(self.sock_r)
        os.close(self.sock_w)
        self.conn.close()
        self.left.close()
        self.right.close()

    def test_pipe_roundtrip(self) -> None:
        os.write(self.sock_w, b"pipe")
        self.assertEqual(os.read(self.sock_r, 4), b"pipe")
        os.set_blocking(self.sock_r, False)

    def test_spool_file(self) -> None:
        self.conn.write(b"x" * 100)
        self.conn.flush()
        os.fsync(self.conn.fileno())
        os.ftruncate(self.conn.fileno(), 10)
        self.assertEqual(os.fstat(self.conn.fileno()).st_size, 10)

    def test_socket_methods(self) -> None:
        self.left.setblocking(False)
        self.assertFalse(self.left.getblocking())
        self.left.set_inheritable(False)
        self.right.sendall(b"hi")
        self.assertEqual(self.left.recv(2), b"hi")

    def test_socket_inheritance_posix(self) -> None:
        if sys.platform == "win32":
            self.skipTest("uses descriptor inheritance")
        os.set_inheritable(self.left.fileno(), True)
        self.assertTrue(os.get_inheritable(self.left.fileno()))

    def test_child_reads_pipe(self) -> None:
        out = subprocess.run(
            [sys.executable, "-c", "import sys; print(sys.stdin.read())"],
            input=b"spool", stdout=subprocess.PIPE, check=True,
        )
        self.assertIn(b"spool", out.stdout)

    def test_isatty_of_file(self) -> None:
        self.assertFalse(os.isatty(self.conn.fileno()))


if __name__ == "__main__":
    unittest.main()
