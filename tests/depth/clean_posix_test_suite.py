"""Descriptor-level tests for the `wireio` framing layer.

These tests poke at sockets through raw descriptors, which only means
something on POSIX; every class or test states its platform requirement.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import unittest

import pytest

POSIX_ONLY = unittest.skipUnless(os.name == "posix", "raw descriptors are POSIX only")


def _pair() -> tuple[socket.socket, socket.socket]:
    return socket.socketpair()


@unittest.skipIf(sys.platform == "win32", "socket handles are not CRT descriptors")
class RawReadTests(unittest.TestCase):
    def setUp(self) -> None:
        self.a, self.b = _pair()
        self.addCleanup(self.a.close)
        self.addCleanup(self.b.close)

    def test_read_frame(self) -> None:
        self.a.sendall(b"\x00\x02hi")
        self.assertEqual(os.read(self.b.fileno(), 4), b"\x00\x02hi")

    def test_fstat_is_socket(self) -> None:
        import stat
        self.assertTrue(stat.S_ISSOCK(os.fstat(self.a.fileno()).st_mode))


@POSIX_ONLY
class DupTests(unittest.TestCase):
    def test_dup2_onto_pipe_slot(self) -> None:
        a, b = _pair()
        r, w = os.pipe()
        os.dup2(b.fileno(), w)
        a.sendall(b"z")
        self.assertEqual(os.read(w, 1), b"z")
        for fd in (r, w):
            os.close(fd)

    def test_fdopen_reader(self) -> None:
        a, b = _pair()
        with os.fdopen(os.dup(b.fileno()), "rb", buffering=0) as f:
            a.sendall(b"line\n")
            self.assertEqual(f.read(5), b"line\n")


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX descriptor semantics")
class TestSubprocessWiring:
    def test_socket_as_stdout(self) -> None:
        a, b = _pair()
        subprocess.run([sys.executable, "-c", "print('hi')"], stdout=b, check=True)
        b.close()
        assert a.recv(16).strip() == b"hi"

    def test_inheritable_flag(self) -> None:
        a, b = _pair()
        os.set_inheritable(b.fileno(), True)
        assert os.get_inheritable(b.fileno())


class ForkTests(unittest.TestCase):
    @unittest.skipUnless(hasattr(os, "fork"), "needs fork")
    def test_child_writes_raw(self) -> None:
        a, b = _pair()
        pid = os.fork()
        if pid == 0:
            os.write(b.fileno(), b"from-child")
            os.close(b.fileno())
            os._exit(0)
        os.waitpid(pid, 0)
        self.assertEqual(a.recv(10), b"from-child")

    def test_portable_roundtrip(self) -> None:
        a, b = _pair()
        a.sendall(b"ok")
        self.assertEqual(b.recv(2), b"ok")
        dup = b.dup()
        self.addCleanup(dup.close)
        self.assertNotEqual(dup.fileno(), b.fileno())


if __name__ == "__main__":
    unittest.main()
