"""conftest.py for the relay test-suite: shared socket fixtures and a few smoke tests.

Fixtures hand out real loopback sockets; tests that need POSIX descriptor
semantics are marked with ``posix_only``.
"""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX descriptors")
windows_only = pytest.mark.skipif(not sys.platform.startswith("win"), reason="Windows only")


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(5)
    yield srv
    srv.close()


@pytest.fixture
def connected_pair(listener: socket.socket) -> Iterator[tuple[socket.socket, socket.socket]]:
    client = socket.create_connection(listener.getsockname())
    server, _ = listener.accept()
    yield client, server
    client.close()
    server.close()


@pytest.fixture
def make_client(listener: socket.socket) -> Iterator[Callable[[], socket.socket]]:
    made: list[socket.socket] = []

    def factory() -> socket.socket:
        c = socket.create_connection(listener.getsockname(), timeout=5)
        made.append(c)
        return c

    yield factory
    for c in made:
        c.close()


@pytest.fixture
def echo_address(listener: socket.socket) -> Iterator[tuple[str, int]]:
    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            while data := conn.recv(1024):
                conn.sendall(data)

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield listener.getsockname()
    t.join(timeout=1)


@pytest.fixture
def scratch_fd(tmp_path) -> Iterator[int]:
    fd = os.open(tmp_path / "scratch.bin", os.O_RDWR | os.O_CREAT)
    yield fd
    os.close(fd)


def test_echo_roundtrip(echo_address: tuple[str, int]) -> None:
    with socket.create_connection(echo_address) as c:
        os.write(c.fileno(), b"ping")  # error: WSK201
        assert c.recv(4) == b"ping"


def test_factory_clients_not_inherited(make_client: Callable[[], socket.socket]) -> None:
    c = make_client()
    assert not os.get_inheritable(c.fileno())  # error: WSK205


def test_scratch_descriptor(scratch_fd: int) -> None:
    os.write(scratch_fd, b"abc")
    os.lseek(scratch_fd, 0, os.SEEK_SET)
    assert os.read(scratch_fd, 3) == b"abc"


@posix_only
def test_pair_as_child_stdout(connected_pair) -> None:
    client, server = connected_pair
    subprocess.run([sys.executable, "-c", "print('hi')"], stdout=server.fileno(), check=True)
    assert client.recv(16).strip() == b"hi"


@posix_only
class TestRawDescriptors:
    def test_dup_shares_queue(self, connected_pair: tuple[socket.socket, socket.socket]) -> None:
        client, server = connected_pair
        fd = os.dup(server.fileno())
        os.write(fd, b"x")
        os.close(fd)
        assert client.recv(1) == b"x"


class TestBufferedReaders:
    def test_reader_over_descriptor(self, connected_pair: tuple[socket.socket, socket.socket]) -> None:
        client, server = connected_pair
        client.sendall(b"line\n")
        reader = io.open(server.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
        assert reader.readline() == b"line\n"

    def test_reader_over_makefile(self, connected_pair: tuple[socket.socket, socket.socket]) -> None:
        client, server = connected_pair
        client.sendall(b"line\n")
        with server.makefile("rb") as reader:
            assert reader.readline() == b"line\n"


@windows_only
def test_os_handle_is_socket(connected_pair: tuple[socket.socket, socket.socket]) -> None:
    import msvcrt

    _, server = connected_pair
    os_handle = msvcrt.get_osfhandle(server.fileno())  # error: WSK204
    assert os_handle not in (0, -1)
