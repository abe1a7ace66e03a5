import os
import sys

import pytest

from wsbridge.emit import emit


def test_emit_socket(left, right):
    emit(left, b"abc")
    assert right.recv(3) == b"abc"


def test_emit_pipe():
    r, w = os.pipe()
    emit(w, b"abc")
    assert os.read(r, 3) == b"abc"


def test_makefile_roundtrip(left, right):
    with left.makefile("wb") as out, right.makefile("rb") as inp:
        out.write(b"line\n")
        out.flush()
        assert inp.readline() == b"line\n"


@pytest.mark.skipif(sys.platform == "win32", reason="sockets are not CRT descriptors on Windows")
def test_posix_descriptor_io(left, right):
    os.write(left.fileno(), b"x")
    assert os.read(right.fileno(), 1) == b"x"
    os.set_blocking(right.fileno(), False)
