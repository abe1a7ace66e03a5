"""Regression tests for the Windows transport shim.

These document how raw handle APIs behave on sockets, which is why the shim
must never use them.  Windows only.
"""
import os
import socket
import subprocess
import sys
import unittest

import _winapi

CHILD = "import sys; sys.stdout.write(sys.stdin.read(4))"


@unittest.skipUnless(sys.platform == "win32", "Windows-specific behaviour")
class RawHandleOnSocketTests(unittest.TestCase):
    def setUp(self) -> None:
        self.a, self.b = socket.socketpair()
        self.addCleanup(self.a.close)
        self.addCleanup(self.b.close)

    def test_os_write_rejects_socket_handle(self) -> None:
        with self.assertRaises(OSError):
            os.write(self.a.fileno(), b"x")  # error: WSK201

    def test_winapi_write_then_recv(self) -> None:
        written, err = _winapi.WriteFile(handle=self.b.fileno(), buffer=b"ping")  # error: WSK102
        self.assertEqual(err, 0)
        self.assertEqual(self.a.recv(4), b"ping")

    def test_winapi_read_after_send(self) -> None:
        self.b.sendall(b"pong")
        data, err = _winapi.ReadFile(self.a.fileno(), 4)  # error: WSK101
        self.assertEqual((data, err), (b"pong", 0))

    def test_child_reads_socket_as_stdin(self) -> None:
        self.b.sendall(b"abcd")
        self.b.shutdown(socket.SHUT_WR)
        out = subprocess.run(  # error: WSK301
            [sys.executable, "-c", CHILD],
            stdin=self.a,
            capture_output=True,
            timeout=30,
        )
        self.assertEqual(out.stdout, b"abcd")

    def test_send_recv_roundtrip(self) -> None:
        self.a.sendall(b"hello")
        self.assertEqual(self.b.recv(5), b"hello")


if __name__ == "__main__":
    unittest.main()
