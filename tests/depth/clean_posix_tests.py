"""Tests for ``trellis.fdpass``: the descriptor-level parts are POSIX-only."""
from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import unittest

import pytest


class FdPassTests(unittest.TestCase):
    def setUp(self) -> None:
        self.a, self.b = socket.socketpair()

    def tearDown(self) -> None:
        self.a.close()
        self.b.close()

    @unittest.skipUnless(os.name == "posix", "descriptor semantics are POSIX-only")
    def test_dup_shares_socket(self) -> None:
        fd = os.dup(self.a.fileno())
        try:
            os.write(fd, b"via-dup")
            self.assertEqual(self.b.recv(7), b"via-dup")
        finally:
            os.close(fd)

    @unittest.skipIf(sys.platform == "win32", "socket handles are not CRT descriptors")
    def test_os_write_reaches_peer(self) -> None:
        os.write(self.a.fileno(), b"ping")
        self.assertEqual(self.b.recv(4), b"ping")

    def test_sendall_roundtrip(self) -> None:
        self.a.sendall(b"x")
        self.assertEqual(self.b.recv(1), b"x")


@unittest.skipIf(sys.platform.startswith("win"), "POSIX only")
class InheritTests(unittest.TestCase):
    def test_inheritable_flag(self) -> None:
        a, b = socket.socketpair()
        with a, b:
            os.set_inheritable(a.fileno(), True)
            self.assertTrue(os.get_inheritable(a.fileno()))

    def test_blocking_flag(self) -> None:
        a, b = socket.socketpair()
        with a, b:
            os.set_blocking(a.fileno(), False)
            self.assertFalse(os.get_blocking(a.fileno()))


@pytest.mark.skipif(sys.platform == "win32", reason="fstat on sockets is POSIX-only")
def test_fstat_is_socket() -> None:
    a, b = socket.socketpair()
    with a, b:
        assert stat.S_ISSOCK(os.fstat(a.fileno()).st_mode)


@pytest.mark.skipif(os.name == "nt", reason="child stdio must be a CRT descriptor")
def test_child_stdin_is_socket() -> None:
    a, b = socket.socketpair()
    with a, b:
        b.sendall(b"hello\n")
        b.shutdown(socket.SHUT_WR)
        out = subprocess.run(
            [sys.executable, "-c", "import sys; print(sys.stdin.read().strip())"],
            stdin=a,
            capture_output=True,
            check=True,
        )
        assert out.stdout.strip() == b"hello"


def test_makefile_everywhere() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"line\n")
        assert b.makefile("rb").readline() == b"line\n"
