"""Tests for netpipe's socket helpers.

CI runs this module on the Linux, macOS and Windows runners.
"""
import io
import os
import socket
import subprocess
import sys

import pytest

from netpipe import framing


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()


def test_frame_roundtrip(pair: tuple[socket.socket, socket.socket]):
    a, b = pair
    a.sendall(framing.encode(b"hello"))
    assert framing.decode(b.recv(64)) == b"hello"


@pytest.mark.skipif(sys.platform == "win32", reason="os.read needs a CRT descriptor")
def test_os_read_sees_frame(pair: tuple[socket.socket, socket.socket]):
    a, b = pair
    a.sendall(framing.encode(b"abc"))
    assert framing.decode(os.read(b.fileno(), 64)) == b"abc"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS rounds SO_SNDBUF up")
def test_partial_write_is_reported():
    a, b = socket.socketpair()
    with a, b:
        a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
        a.setblocking(False)
        written = os.write(a.fileno(), b"x" * 1_000_000)  # error: WSK201
        assert 0 < written < 1_000_000


@pytest.mark.skipif(sys.version_info < (3, 8), reason="needs socket.create_server")
def test_listener_survives_exec():
    srv = socket.create_server(("127.0.0.1", 0))
    with srv:
        os.set_inheritable(srv.fileno(), True)  # error: WSK205
        code = f"import socket; s = socket.socket(fileno={srv.fileno()}); print(s.getsockname()[1])"
        out = subprocess.check_output([sys.executable, "-c", code], close_fds=False)
        assert int(out) == srv.getsockname()[1]


def test_dup_keeps_peer_open(pair: tuple[socket.socket, socket.socket]):
    a, b = pair
    fd = os.dup(a.fileno())  # error: WSK202
    a.close()
    with socket.socket(fileno=fd) as clone:
        clone.sendall(b"still here")
        assert b.recv(16) == b"still here"


def test_child_writes_to_socket():
    if sys.platform.startswith("win"):
        pytest.skip("a child cannot use a socket as stdout on Windows")
    a, b = socket.socketpair()
    with a, b:
        subprocess.run([sys.executable, "-c", "print('hi')"], stdout=a, check=True)
        assert b.recv(16).strip() == b"hi"


@pytest.mark.skipif("sys.platform == 'win32'", reason="fdopen of a socket descriptor")
def test_fdopen_reader(pair: tuple[socket.socket, socket.socket]):
    a, b = pair
    a.sendall(b"line one\n")
    with os.fdopen(b.fileno(), "rb", closefd=False) as f:
        assert f.readline() == b"line one\n"


@pytest.mark.skipif(sys.platform != "win32", reason="Windows handle semantics")
def test_handle_is_not_a_crt_fd(pair: tuple[socket.socket, socket.socket]):
    import msvcrt

    a, _b = pair
    with pytest.raises(OSError):
        msvcrt.get_osfhandle(a.fileno())  # error: WSK204


class TestTextMode:
    def test_text_wrapper_over_socket(self, pair: tuple[socket.socket, socket.socket]):
        a, b = pair
        w = io.open(a.fileno(), "w", encoding="utf-8", closefd=False)  # error: WSK203
        w.write("h\u00e9llo\n")
        w.flush()
        assert b.recv(16) == "h\u00e9llo\n".encode()

    def test_makefile(self, pair: tuple[socket.socket, socket.socket]):
        a, b = pair
        with a.makefile("w", encoding="utf-8") as w:
            w.write("ok\n")
        assert b.recv(8) == b"ok\n"
