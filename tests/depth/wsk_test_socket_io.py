"""Tests for the framing layer (tests/test_framing.py in the real tree).

Some tests exercise descriptor-level behaviour and are skipped on Windows;
others were meant to run everywhere.
"""
import os
import socket
import sys
import threading
import unittest

skip_on_windows = unittest.skipIf(sys.platform == "win32", "descriptor semantics differ on Windows")


def encode_frame(payload):
    return len(payload).to_bytes(4, "big") + payload


def decode_frame(data):
    size = int.from_bytes(data[:4], "big")
    return data[4 : 4 + size]


class FramingTests(unittest.TestCase):
    def setUp(self):
        self.left, self.right = socket.socketpair()
        self.addCleanup(self.left.close)
        self.addCleanup(self.right.close)

    def test_roundtrip_sendall(self):
        self.left.sendall(encode_frame(b"abc"))
        self.assertEqual(decode_frame(self.right.recv(64)), b"abc")

    @skip_on_windows
    def test_roundtrip_raw_descriptors(self):
        os.write(self.left.fileno(), encode_frame(b"xyz"))
        self.assertEqual(decode_frame(os.read(self.right.fileno(), 64)), b"xyz")

    @unittest.skipIf(sys.platform.startswith("win"), "no fdopen on sockets")
    def test_fdopen_reader(self):
        self.left.sendall(encode_frame(b"q"))
        with os.fdopen(os.dup(self.right.fileno()), "rb", buffering=0) as f:
            self.assertEqual(decode_frame(f.read(5)), b"q")

    def test_large_frame_raw(self):
        payload = b"x" * 100000
        t = threading.Thread(target=self.left.sendall, args=(encode_frame(payload),))
        t.start()
        received = b""
        while len(received) < len(payload) + 4:
            received += os.read(self.right.fileno(), 65536)  # error: WSK201
        t.join()
        self.assertEqual(decode_frame(received), payload)

    def test_close_detects_eof(self):
        os.close(self.left.detach())  # error: WSK205
        self.assertEqual(self.right.recv(1), b"")

    def test_blocking_flag(self):
        self.right.setblocking(False)
        self.assertFalse(self.right.getblocking())


@unittest.skipUnless(os.name == "posix", "POSIX only")
class DescriptorTests(unittest.TestCase):
    def test_dup2_into_pipe_slot(self):
        a, b = socket.socketpair()
        r, w = os.pipe()
        try:
            os.dup2(a.fileno(), w)
            os.write(w, b"z")
            self.assertEqual(b.recv(1), b"z")
        finally:
            for fd in (r, w):
                os.close(fd)
            a.close()
            b.close()

    def test_inheritable(self):
        a, b = socket.socketpair()
        with a, b:
            os.set_inheritable(a.fileno(), True)
            self.assertTrue(os.get_inheritable(a.fileno()))


class PipeTests(unittest.TestCase):
    def test_pipe_raw_descriptors(self):
        sock_r, sock_w = os.pipe()  # names kept from the socket version of this test
        os.write(sock_w, b"p")
        self.assertEqual(os.read(sock_r, 1), b"p")
        os.close(sock_r)
        os.close(sock_w)


if __name__ == "__main__":
    unittest.main()
