"""Descriptor-level behaviour that only exists on POSIX."""

import os
import sys

import pytest

from framer import FrameReader, encode

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sockets are not CRT descriptors on Windows")


def test_dup_shares_stream(left, right):
    fd = os.dup(right.fileno())
    try:
        left.sendall(b"abc")
        assert os.read(fd, 3) == b"abc"
    finally:
        os.close(fd)


def test_fdopen_reader(left, right):
    left.sendall(encode(b"frame"))
    with os.fdopen(os.dup(right.fileno()), "rb", buffering=0) as raw:
        assert FrameReader(raw).read_frame() == b"frame"
