"""Look-alikes: globals holding files, factories of pipes, tests that skip without fcntl."""
import os
import socket
from typing import BinaryIO, Callable

import pytest

_log = None


def write(payload):
    os.write(_log.fileno(), payload)


def init(path):
    global _log
    _log = open(path, "ab")


def test_factory(make_reader: Callable[[], BinaryIO]) -> None:
    reader = make_reader()
    os.fstat(reader.fileno())


def test_fcntl_flags() -> None:
    fcntl = pytest.importorskip("fcntl")  # skipped where fcntl is missing: on Windows
    a, b = socket.socketpair()
    os.set_blocking(a.fileno(), True)
    fcntl.fcntl(a.fileno(), fcntl.F_GETFD)
