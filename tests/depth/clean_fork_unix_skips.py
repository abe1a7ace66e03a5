"""Pre-fork worker supervisor and its tests. Deployed on Linux; the test
suite also runs on Windows CI, where the POSIX tests are skipped."""
from __future__ import annotations

import os
import socket
import sys
import unittest

import pytest

CONTROL_PATH = "/run/supervisor.sock"


def spawn_worker(listener: socket.socket, argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        os.dup2(listener.fileno(), 3)
        os.set_inheritable(3, True)
        os.execv(argv[0], argv)
    return pid


def control_request(command: bytes, path: str = CONTROL_PATH) -> bytes:
    ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        ctl.connect(path)
        os.write(ctl.fileno(), command + b"\n")
        return os.read(ctl.fileno(), 4096)
    finally:
        ctl.close()


def notify_pair():
    parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    os.set_inheritable(child.fileno(), True)
    return parent, child


def daemonize(log_sock: socket.socket) -> None:
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    os.dup2(log_sock.fileno(), 2)
    os.close(log_sock.fileno())


@unittest.skipIf(sys.platform == "win32", "fork-based tests")
class ForkTests(unittest.TestCase):
    def test_pipe_through_socketpair(self) -> None:
        a, b = socket.socketpair()
        os.write(a.fileno(), b"x")
        self.assertEqual(os.read(b.fileno(), 1), b"x")

    def test_worker_exits(self) -> None:
        listener = socket.create_server(("127.0.0.1", 0))
        pid = spawn_worker(listener, [sys.executable, "-c", "pass"])
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)


class DescriptorTests(unittest.TestCase):
    @unittest.skipUnless(os.name == "posix", "POSIX descriptors")
    def test_dup_socket(self) -> None:
        s = socket.socket()
        fd = os.dup(s.fileno())
        self.assertTrue(os.get_inheritable(s.fileno()) in (True, False))
        os.close(fd)
        s.close()

    def test_share_roundtrip(self) -> None:
        s = socket.socket()
        clone = s.dup()
        self.assertNotEqual(clone.fileno(), s.fileno())
        clone.close()
        s.close()


@pytest.mark.skipif(sys.platform.startswith("win"), reason="no fork on Windows")
def test_nonblocking_flag() -> None:
    s = socket.socket()
    os.set_blocking(s.fileno(), False)
    assert not os.get_blocking(s.fileno())
    s.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX only")
def test_fstat_socket() -> None:
    a, b = socket.socketpair()
    assert os.fstat(a.fileno()).st_mode
    a.close()
    b.close()
