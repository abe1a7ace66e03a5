"""Tests for the echo service's socket plumbing (run on the Windows and Linux CI agents)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import unittest

ECHO_CHILD = [sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.readline())"]


class LoopbackTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.client = socket.create_connection(self.server.getsockname()[:2], timeout=5)
        self.conn, _ = self.server.accept()
        self.conn.settimeout(5)

    def tearDown(self) -> None:
        for s in (self.client, self.conn):
            os.close(s.fileno())  # error: WSK205
        self.server.close()


class RoundTripTests(LoopbackTestCase):
    def test_roundtrip(self) -> None:
        os.write(self.client.fileno(), b"ping\n")  # error: WSK201
        self.assertEqual(self.conn.recv(5), b"ping\n")

    def test_accepted_socket_is_blocking(self) -> None:
        self.assertTrue(os.get_blocking(self.conn.fileno()))  # error: WSK205

    def test_child_answers_on_socket(self) -> None:
        self.client.sendall(b"hello\n")
        subprocess.run(ECHO_CHILD, stdin=self.conn, stdout=subprocess.PIPE, check=True)  # error: WSK301

    @unittest.skipIf(sys.platform == "win32", "dup2 onto stdin needs a CRT descriptor")
    def test_dup2_onto_stdin(self) -> None:
        saved = os.dup(0)
        try:
            os.dup2(self.conn.fileno(), 0)
            self.client.sendall(b"x")
            self.assertEqual(os.read(0, 1), b"x")
        finally:
            os.dup2(saved, 0)
            os.close(saved)

    @unittest.skipUnless(sys.platform == "win32", "Windows handle table")
    def test_socket_has_os_handle(self) -> None:
        import msvcrt

        handle = msvcrt.get_osfhandle(self.client.fileno())  # error: WSK204
        self.assertNotEqual(handle, -1)

    def test_inheritable_flag(self) -> None:
        if os.name != "nt":
            self.skipTest("checked through os.get_inheritable on POSIX elsewhere")
        self.assertFalse(self.conn.get_inheritable())


class PairMixin:
    def setUp(self) -> None:
        super().setUp()  # type: ignore[misc]
        self.left, self.right = socket.socketpair()

    def tearDown(self) -> None:
        self.left.close()
        self.right.close()
        super().tearDown()  # type: ignore[misc]


class PairTests(PairMixin, unittest.TestCase):
    def test_file_view(self) -> None:
        with os.fdopen(self.left.fileno(), "wb", closefd=False) as f:  # error: WSK203
            f.write(b"line\n")
        self.assertEqual(self.right.recv(5), b"line\n")

    def test_makefile_view(self) -> None:
        with self.left.makefile("wb") as f:
            f.write(b"line\n")
        self.assertEqual(self.right.recv(5), b"line\n")

    def test_posix_inheritable(self) -> None:
        if sys.platform == "win32":
            self.skipTest("POSIX only")
        os.set_inheritable(self.left.fileno(), True)
        self.assertTrue(os.get_inheritable(self.left.fileno()))


@unittest.skipUnless(os.name == "posix", "descriptor passing")
class ChildStdioTests(PairMixin, unittest.TestCase):
    def test_child_writes_to_socket(self) -> None:
        proc = subprocess.Popen(["echo", "hi"], stdout=self.right)
        proc.wait(timeout=5)
        self.assertEqual(self.left.recv(3), b"hi\n")

    def test_nonblocking(self) -> None:
        os.set_blocking(self.left.fileno(), False)
        with self.assertRaises(BlockingIOError):
            self.left.recv(1)


if __name__ == "__main__":
    unittest.main()
