"""conftest.py for the log-forwarder tests.

Most fixtures are pipes and temp files (their names are historical: the
forwarder once used sockets everywhere).  Real sockets only appear where the
test exercises socket methods, or in POSIX-only tests.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

import pytest


@pytest.fixture
def sock_pair() -> Iterator[tuple[int, int]]:
    """A pipe: (read end, write end)."""
    r, w = os.pipe()
    yield r, w
    for fd in (r, w):
        try:
            os.close(fd)
        except OSError:
            pass


@pytest.fixture
def conn() -> Iterator[BinaryIO]:
    with tempfile.TemporaryFile() as f:
        yield f


@pytest.fixture
def loopback() -> Iterator[tuple[socket.socket, socket.socket]]:
    a, b = socket.socketpair()
    a.settimeout(5)
    b.settimeout(5)
    yield a, b
    a.close()
    b.close()


def test_pipe_roundtrip(sock_pair: tuple[int, int]) -> None:
    r, w = sock_pair
    os.write(w, b"hello")
    os.close(w)
    assert os.read(r, 5) == b"hello"
    assert os.get_blocking(r)


def test_spooled_file(conn) -> None:
    conn.write(b"abc")
    conn.flush()
    os.fsync(conn.fileno())
    assert os.fstat(conn.fileno()).st_size == 3


def test_loopback_methods(loopback: tuple[socket.socket, socket.socket]) -> None:
    a, b = loopback
    a.sendall(b"ping")
    assert b.recv(4) == b"ping"
    b.setblocking(False)
    assert not b.getblocking()
    a.set_inheritable(False)
    assert not a.get_inheritable()


def test_child_via_pipes(loopback: tuple[socket.socket, socket.socket]) -> None:
    a, b = loopback
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.read().upper())"],
        input=b"relay",
        stdout=subprocess.PIPE,
        check=True,
    )
    a.sendall(proc.stdout)
    assert b.recv(5) == b"RELAY"


@pytest.mark.skipif(os.name == "nt", reason="descriptor semantics")
class TestPosixDescriptors:
    def test_write_via_descriptor(self, loopback: tuple[socket.socket, socket.socket]) -> None:
        a, b = loopback
        os.write(a.fileno(), b"x")
        assert b.recv(1) == b"x"

    def test_child_inherits(self, loopback: tuple[socket.socket, socket.socket]) -> None:
        a, b = loopback
        os.set_inheritable(b.fileno(), True)
        subprocess.run([sys.executable, "-c", "print('ok')"], stdout=b, check=True)
        assert a.recv(3) == b"ok\n"


def test_fcntl_flags(loopback: tuple[socket.socket, socket.socket]) -> None:
    fcntl = pytest.importorskip("fcntl")
    a, _ = loopback
    flags = fcntl.fcntl(a.fileno(), fcntl.F_GETFD)
    os.set_blocking(a.fileno(), True)
    assert flags & fcntl.FD_CLOEXEC


@pytest.mark.skipif(sys.platform != "win32", reason="msvcrt")
def test_os_handle_of_tempfile(tmp_path) -> None:
    import msvcrt

    path = tmp_path / "data.bin"
    with open(path, "wb") as f:
        handle = msvcrt.get_osfhandle(f.fileno())
        assert handle not in (0, -1)
