"""Tests for the echo server (run with ``python -m unittest -v``)."""

import os
import socket
import sys
import threading
import unittest

HOST = "127.0.0.1"


def serve_echo(listener: socket.socket, stop: threading.Event) -> None:
    listener.settimeout(0.2)
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            continue
        with conn:
            conn.settimeout(5)
            while data := conn.recv(4096):
                conn.sendall(data)


class EchoServerTestCase(unittest.TestCase):
    def setUp(self):
        self.listener = socket.create_server((HOST, 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=serve_echo, args=(self.listener, self.stop), daemon=True
        )
        self.thread.start()
        self.client = socket.create_connection((HOST, self.port), timeout=5)

    def tearDown(self):
        self.client.close()
        self.stop.set()
        self.thread.join(5)
        self.listener.close()

    def test_sendall_recv(self):
        self.client.sendall(b"ping")
        self.assertEqual(self.client.recv(4), b"ping")

    def test_makefile_roundtrip(self):
        with self.client.makefile("rwb", buffering=0) as f:
            f.write(b"line\n")
            self.assertEqual(f.read(5), b"line\n")

    def test_raw_descriptor_read(self):
        self.client.sendall(b"hello")
        self.assertEqual(os.read(self.client.fileno(), 5), b"hello")  # error: WSK201

    def test_fdopen_stream(self):
        stream = os.fdopen(self.client.fileno(), "r+b", buffering=0, closefd=False)  # error: WSK203
        stream.write(b"xyz")
        self.assertEqual(stream.read(3), b"xyz")

    def test_dup_keeps_connection_open(self):
        fd2 = os.dup(self.client.fileno())  # error: WSK202
        self.addCleanup(os.close, fd2)
        self.client.sendall(b"a")
        self.assertEqual(self.client.recv(1), b"a")

    def test_dup_method(self):
        clone = self.client.dup()
        self.addCleanup(clone.close)
        clone.sendall(b"b")
        self.assertEqual(self.client.recv(1), b"b")

    def test_detach_then_close(self):
        fd = self.client.detach()
        os.close(fd)  # error: WSK205
        self.client = socket.socket()  # so tearDown has something to close

    @unittest.skipIf(sys.platform == "win32", "dup2() onto stdout needs a POSIX descriptor")
    def test_dup2_onto_stdout(self):
        saved = os.dup(1)
        try:
            os.dup2(self.client.fileno(), 1)
            os.write(1, b"via-stdout")
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        self.assertEqual(self.client.recv(10), b"via-stdout")


class SocketPairTestCase(unittest.TestCase):
    def setUp(self):
        self.a, self.b = socket.socketpair()

    def tearDown(self):
        self.a.close()
        self.b.close()

    def test_roundtrip(self):
        self.a.sendall(b"x" * 100)
        got = b""
        while len(got) < 100:
            got += self.b.recv(100)
        self.assertEqual(got, b"x" * 100)

    def test_not_inheritable_by_default(self):
        if os.name == "nt":
            self.assertFalse(os.get_handle_inheritable(self.a.fileno()))
        else:
            self.assertFalse(os.get_inheritable(self.a.fileno()))
        self.assertFalse(self.b.get_inheritable())

    def test_nonblocking(self):
        self.a.setblocking(False)
        with self.assertRaises(BlockingIOError):
            self.a.recv(1)


if __name__ == "__main__":
    unittest.main()
