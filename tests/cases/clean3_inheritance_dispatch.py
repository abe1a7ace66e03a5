"""Look-alikes: mixins and class attributes holding files, tests skipped on Windows."""
import os
import socket
import subprocess
import sys
import unittest
from typing import NamedTuple

import gevent
import pytest


class SpoolMixin:
    def _open(self):
        self._sock = open(self.path, "ab")  # a spool file, named like a socket


class Spooler(SpoolMixin):
    def __init__(self, path):
        self.path = path
        self._sock = None

    def flush(self, payload):
        self._open()
        os.write(self._sock.fileno(), payload)


class Console:
    sock = sys.stdout

    @classmethod
    def redirect(cls):
        os.dup2(cls.sock.fileno(), 2)


class Pipe(NamedTuple):
    name: str
    sock: int  # a pipe's descriptor


def drain(pipes: list[Pipe]):
    for pipe in pipes:
        os.read(pipe.sock, 10)


def reader(fd):
    os.read(fd, 10)


def green_pipes():
    r, w = os.pipe()
    gevent.spawn(reader, r)


def test_fd_semantics():
    if sys.platform.startswith("win"):
        pytest.skip("sockets are not descriptors on Windows")
    a, b = socket.socketpair()
    os.dup(a.fileno())


@pytest.mark.skipif("sys.platform == 'win32'", reason="fdopen of a socket descriptor")
def test_fdopen():
    a, b = socket.socketpair()
    with os.fdopen(b.fileno(), "rb", closefd=False) as f:
        f.read(1)


class Streams(unittest.TestCase):
    def test_child_on_socket(self):
        if os.name == "nt":
            self.skipTest("a socket is no standard stream on Windows")
        a, b = socket.socketpair()
        subprocess.run(["true"], stdout=a)


class PipeLauncher:
    def __init__(self, program):
        self.control = socket.socket()
        self.proc = self.launch(self.control, subprocess.PIPE)  # a static method: no self

    @staticmethod
    def launch(control, stream):
        return subprocess.Popen(["worker"], stdin=stream)
