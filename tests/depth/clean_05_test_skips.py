"""Tests for the descriptor-passing helpers.

Descriptor-level tests are skipped on Windows in one way or another; the
Unix-domain tests use AF_UNIX sockets, which the helpers never see on Windows.
"""
import os
import socket
import subprocess
import sys
import tempfile
import unittest

import pytest

ON_WINDOWS = sys.platform == "win32"


class SocketpairDescriptorTests(unittest.TestCase):
    def setUp(self) -> None:
        self.a, self.b = socket.socketpair()
        self.addCleanup(self.a.close)
        self.addCleanup(self.b.close)

    @unittest.skipIf(sys.platform == "win32", "sockets are not CRT descriptors on Windows")
    def test_os_read_write(self) -> None:
        os.write(self.a.fileno(), b"abc")
        self.assertEqual(os.read(self.b.fileno(), 3), b"abc")

    @unittest.skipIf(ON_WINDOWS, "no fstat on Windows sockets")
    def test_fstat_reports_socket(self) -> None:
        import stat

        self.assertTrue(stat.S_ISSOCK(os.fstat(self.a.fileno()).st_mode))

    def test_dup_descriptor(self) -> None:
        if sys.platform == "win32":
            self.skipTest("os.dup does not work on Windows sockets")
        fd = os.dup(self.a.fileno())
        os.close(fd)

    def test_portable_roundtrip(self) -> None:
        self.a.sendall(b"ping")
        self.assertEqual(self.b.recv(4), b"ping")


@unittest.skipUnless(os.name == "posix", "POSIX descriptor semantics")
class StdioRedirectTests(unittest.TestCase):
    def test_child_reads_socket_stdin(self) -> None:
        a, b = socket.socketpair()
        with a, b:
            b.sendall(b"hello")
            b.shutdown(socket.SHUT_WR)
            out = subprocess.run(["cat"], stdin=a, capture_output=True, timeout=10)
        self.assertEqual(out.stdout, b"hello")

    def test_fdopen(self) -> None:
        a, b = socket.socketpair()
        with a, b, open(a.fileno(), "wb", closefd=False) as stream:
            stream.write(b"x")
            stream.flush()
            self.assertEqual(b.recv(1), b"x")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX only")
def test_set_blocking_on_descriptor() -> None:
    a, b = socket.socketpair()
    with a, b:
        os.set_blocking(a.fileno(), False)
        assert not a.getblocking()


@pytest.mark.skipif(os.name == "nt", reason="inheritance is per-handle on Windows")
def test_inheritable_flag() -> None:
    s = socket.create_server(("127.0.0.1", 0))
    with s:
        os.set_inheritable(s.fileno(), True)
        assert s.get_inheritable()


def test_isatty_is_false_for_sockets() -> None:
    if sys.platform == "win32":
        pytest.skip("isatty() on a socket handle is undefined on Windows")
    a, b = socket.socketpair()
    with a, b:
        assert not os.isatty(a.fileno())


def test_unix_stream_socket_descriptor() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ctl.sock")
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(path)
        server.listen(1)
        client = socket.socket(family=socket.AF_UNIX)
        client.connect(path)
        conn, _ = server.accept()
        os.write(client.fileno(), b"hi")
        assert os.read(conn.fileno(), 2) == b"hi"
        for s in (client, conn, server):
            os.close(s.detach())


def test_unix_socketpair_dup() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    dup_fd = os.dup(left.fileno())
    with os.fdopen(dup_fd, "wb", buffering=0) as stream:
        stream.write(b"z")
    assert right.recv(1) == b"z"
