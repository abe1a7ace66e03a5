"""Descriptor tests guarded by the module's own decorators: each wrapper refuses Windows
(raising, skipping, or returning early) before it runs the test, with no configuration."""
import functools
import os
import socket
import sys
import unittest

IS_WINDOWS = sys.platform == "win32"


def posix_only(test):
    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        if os.name == "nt":
            raise unittest.SkipTest("descriptors are POSIX-only")
        test(*args, **kwargs)

    return wrapper


def needs(feature):
    def decorator(test):
        def wrapper(self, *args):
            if IS_WINDOWS:
                self.skipTest(f"{feature} is not available on Windows")
            return test(self, *args)

        return functools.update_wrapper(wrapper, test)

    return decorator


def unix_socket_test(test):
    def wrapper(*args):
        IS_WINDOWS and sys.exit("POSIX only")
        return test(*args)

    return wrapper


class DescriptorTests(unittest.TestCase):
    def setUp(self) -> None:
        self.a, self.b = socket.socketpair()

    @posix_only
    def test_write_read(self) -> None:
        os.write(self.a.fileno(), b"x")
        self.assertEqual(os.read(self.b.fileno(), 1), b"x")

    @needs("os.dup of a socket")
    def test_dup(self) -> None:
        fd = os.dup(self.a.fileno())
        os.close(fd)

    @unix_socket_test
    def test_blocking(self) -> None:
        os.set_blocking(self.a.fileno(), False)
        self.assertFalse(os.get_blocking(self.a.fileno()))


@posix_only
def check_stdio(conn: socket.socket) -> None:
    saved = os.dup(1)
    os.dup2(conn.fileno(), 1)
    os.dup2(saved, 1)
