import os
import socket
import unittest


@unittest.skipUnless(os.name == "posix", "fork-based supervisor")
class ListenerInheritanceTest(unittest.TestCase):
    def setUp(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(self.sock.close)

    def test_inheritable_round_trip(self):
        os.set_inheritable(self.sock.fileno(), True)
        self.assertTrue(os.get_inheritable(self.sock.fileno()))

    def test_dup2_onto_spare_descriptor(self):
        spare = os.open(os.devnull, os.O_RDONLY)
        try:
            os.dup2(self.sock.fileno(), spare)
            self.assertTrue(os.fstat(spare))
        finally:
            os.close(spare)


class PortableTest(unittest.TestCase):
    def test_socket_methods(self):
        with socket.create_server(("127.0.0.1", 0)) as sock:
            sock.set_inheritable(False)
            self.assertFalse(sock.get_inheritable())
