"""Tests for the Unix transport (tests/transport/test_unix.py).

The whole module is POSIX-only: see ``pytestmark``.
"""
import io
import os
import socket
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix transport is POSIX-only")


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()


def test_raw_write_read(pair):
    a, b = pair
    os.write(a.fileno(), b"ping")
    assert os.read(b.fileno(), 4) == b"ping"


def test_dup_keeps_connection_open(pair):
    a, b = pair
    fd = os.dup(a.fileno())
    a.close()
    os.write(fd, b"x")
    os.close(fd)
    assert b.recv(1) == b"x"


def test_fdopen_reader(pair):
    a, b = pair
    a.sendall(b"line\n")
    with io.open(b.fileno(), "rb", closefd=False) as f:
        assert f.readline() == b"line\n"


def test_child_reads_socket(pair):
    a, b = pair
    a.sendall(b"hello")
    a.shutdown(socket.SHUT_WR)
    out = subprocess.check_output(["cat"], stdin=b)
    assert out == b"hello"


def test_nonblocking_flag(pair):
    a, _ = pair
    os.set_blocking(a.fileno(), False)
    assert os.get_blocking(a.fileno()) is False
    assert not os.isatty(a.fileno())


def test_fstat_is_socket(pair):
    import stat

    a, _ = pair
    assert stat.S_ISSOCK(os.fstat(a.fileno()).st_mode)


def test_unix_listener(tmp_path):
    path = str(tmp_path / "s")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    cli = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    cli.connect(path)
    conn, _ = srv.accept()
    with srv, cli, conn:
        os.dup2(conn.fileno(), conn.fileno() + 100)
        os.close(conn.fileno() + 100)
        cli.sendall(b"ok")
        assert conn.recv(2) == b"ok"
