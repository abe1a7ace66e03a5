"""Tests for the descriptor helpers: POSIX-only cases are skipped on Windows."""

import os
import select
import socket
import stat
import subprocess
import sys
import unittest


@unittest.skipUnless(os.name == "posix", "socket descriptors are CRT descriptors only on POSIX")
class DescriptorTests(unittest.TestCase):
    def setUp(self):
        self.a, self.b = socket.socketpair()

    def tearDown(self):
        self.a.close()
        self.b.close()

    def test_os_read_write(self):
        os.write(self.a.fileno(), b"abc")
        self.assertEqual(os.read(self.b.fileno(), 3), b"abc")

    def test_dup(self):
        fd = os.dup(self.a.fileno())
        try:
            self.assertFalse(os.get_inheritable(fd))
        finally:
            os.close(fd)

    def test_fdopen(self):
        self.a.sendall(b"line\n")
        with os.fdopen(self.b.fileno(), "rb", buffering=0, closefd=False) as f:
            self.assertEqual(f.read(5), b"line\n")

    def test_fstat_is_socket(self):
        self.assertTrue(stat.S_ISSOCK(os.fstat(self.a.fileno()).st_mode))

    def test_isatty(self):
        self.assertFalse(os.isatty(self.a.fileno()))


class PortableTests(unittest.TestCase):
    def setUp(self):
        self.a, self.b = socket.socketpair()

    def tearDown(self):
        self.a.close()
        self.b.close()

    def test_recv_send(self):
        self.a.sendall(b"ping")
        self.assertEqual(self.b.recv(4), b"ping")

    def test_inheritable_methods(self):
        self.assertFalse(self.a.get_inheritable())
        self.a.set_inheritable(True)
        self.assertTrue(self.a.get_inheritable())

    def test_select(self):
        self.a.sendall(b"x")
        r, _, _ = select.select([self.b], [], [], 1.0)
        self.assertEqual(r, [self.b])

    def test_dup_method(self):
        c = self.a.dup()
        with c:
            c.sendall(b"d")
            self.assertEqual(self.b.recv(1), b"d")

    def test_fromfd(self):
        c = socket.fromfd(self.a.fileno(), self.a.family, self.a.type)
        with c:
            c.sendall(b"f")
            self.assertEqual(self.b.recv(1), b"f")

    @unittest.skipIf(sys.platform == "win32", "os.set_blocking() on a socket is POSIX-only")
    def test_os_set_blocking(self):
        os.set_blocking(self.a.fileno(), False)
        self.assertFalse(self.a.getblocking())

    @unittest.skipUnless(hasattr(os, "fork"), "needs fork()")
    def test_child_writes_through_fd(self):
        pid = os.fork()
        if pid == 0:
            os.write(self.b.fileno(), b"child")
            os._exit(0)
        os.waitpid(pid, 0)
        self.assertEqual(self.a.recv(5), b"child")

    @unittest.skipIf(os.name == "nt", "a socket cannot be a child's stdout on Windows")
    def test_subprocess_stdout_is_socket(self):
        subprocess.run([sys.executable, "-c", "print('hi')"], stdout=self.b, check=True)
        self.assertEqual(self.a.recv(3), b"hi\n")

    @unittest.skipIf(sys.platform.startswith("win"), "dup2() onto stdin is POSIX-only")
    def test_dup2_stdin(self):
        saved = os.dup(0)
        try:
            os.dup2(self.b.fileno(), 0)
            self.a.sendall(b"q")
            self.assertEqual(os.read(0, 1), b"q")
        finally:
            os.dup2(saved, 0)
            os.close(saved)

    @unittest.skipUnless(sys.platform == "win32", "Windows handle API")
    def test_handle_inheritable(self):
        os.set_handle_inheritable(self.a.fileno(), True)
        self.assertTrue(os.get_handle_inheritable(self.a.fileno()))

    @unittest.skipUnless(sys.platform == "win32", "socket.share() is Windows-only")
    def test_share_roundtrip(self):
        data = self.a.share(os.getpid())
        c = socket.fromshare(data)
        with c:
            c.sendall(b"s")
            self.assertEqual(self.b.recv(1), b"s")

    def test_pipe_named_sock(self):
        r, w = os.pipe()
        sock = os.fdopen(w, "wb")  # a pipe, whatever the name says
        sock.write(b"x")
        sock.close()
        self.assertEqual(os.read(r, 1), b"x")
        os.close(r)


if __name__ == "__main__":
    unittest.main()
