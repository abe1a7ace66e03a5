import os
import socket
import unittest

from pipeship.utils.fdio import drain, read_all

from ._marks import posix_only


def test_read_all_from_pipe():
    r, w = os.pipe()
    os.write(w, b"abc")
    os.close(w)
    try:
        assert read_all(r) == b"abc"
    finally:
        os.close(r)


@posix_only
def test_read_all_from_socket(sock_pair):
    a, b = sock_pair
    a.sendall(b"xyz")
    a.shutdown(socket.SHUT_WR)
    assert read_all(b.fileno()) == b"xyz"


@posix_only
def test_drain_socket(sock_pair):
    a, b = sock_pair
    a.sendall(b"123456")
    b.setblocking(False)
    assert drain(b.fileno()) == 6


class DescriptorTests(unittest.TestCase):
    @unittest.skipUnless(os.name == "posix", "POSIX descriptors")
    def test_write_to_socket_descriptor(self):
        a, b = socket.socketpair()
        with a, b:
            os.write(a.fileno(), b"hi")
            self.assertEqual(b.recv(2), b"hi")
