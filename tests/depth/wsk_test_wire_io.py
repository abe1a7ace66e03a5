"""Tests for `wireio`, the framing layer of the telemetry agent.

The suite runs on the Linux, macOS and Windows CI legs.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import unittest

import pytest


class RecordingSocket(socket.socket):
    """A socket that can replay captured traffic into itself (test double)."""

    def replay(self, frames: list[bytes]) -> int:
        sent = 0
        for frame in frames:
            sent += os.write(self.fileno(), frame)  # error: WSK201
        return sent


def _pair() -> tuple[socket.socket, socket.socket]:
    a, b = socket.socketpair()
    a.settimeout(5)
    b.settimeout(5)
    return a, b


@unittest.skipIf(sys.platform == "win32", "raw descriptor semantics differ on Windows")
class DescriptorLevelTests(unittest.TestCase):
    def test_os_read_sees_frame(self) -> None:
        a, b = _pair()
        self.addCleanup(a.close)
        self.addCleanup(b.close)
        a.sendall(b"\x00\x03abc")
        self.assertEqual(os.read(b.fileno(), 7), b"\x00\x03abc")

    def test_dup_shares_buffer(self) -> None:
        a, b = _pair()
        fd = os.dup(b.fileno())
        self.addCleanup(os.close, fd)
        a.sendall(b"x")
        self.assertEqual(os.read(fd, 1), b"x")


class PortableTests(unittest.TestCase):
    def test_nonblocking_flag(self) -> None:
        a, b = _pair()
        self.addCleanup(a.close)
        self.addCleanup(b.close)
        os.set_blocking(a.fileno(), False)  # error: WSK205
        self.assertFalse(a.getblocking())

    def test_recording_socket_replay(self) -> None:
        server = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(server.close)
        rec = RecordingSocket(socket.AF_INET, socket.SOCK_STREAM)
        self.addCleanup(rec.close)
        rec.connect(server.getsockname())
        peer, _ = server.accept()
        self.addCleanup(peer.close)
        rec.replay([b"hello"])
        self.assertEqual(peer.recv(5), b"hello")

    @unittest.skipUnless(hasattr(os, "fork"), "needs fork")
    def test_child_inherits(self) -> None:
        a, b = _pair()
        pid = os.fork()
        if pid == 0:
            os.write(b.fileno(), b"child")
            os._exit(0)
        os.waitpid(pid, 0)
        self.assertEqual(a.recv(5), b"child")


@pytest.mark.skipif(sys.platform == "win32", reason="no inheritable sockets in subprocess on Windows")
def test_child_reads_socket_stdin() -> None:
    a, b = _pair()
    a.sendall(b"ping\n")
    a.shutdown(socket.SHUT_WR)
    out = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdin.readline().strip())"],
                         stdin=b, capture_output=True, timeout=10)
    assert out.stdout.strip() == b"ping"


def test_child_writes_socket_stdout() -> None:
    a, b = _pair()
    subprocess.run([sys.executable, "-c", "print('pong')"], stdout=b.fileno(), timeout=10)  # error: WSK301
    assert a.recv(16).strip() == b"pong"
