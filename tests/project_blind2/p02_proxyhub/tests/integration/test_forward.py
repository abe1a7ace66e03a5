import os
import sys

import pytest

from proxyhub import forward, registry


def test_forward_roundtrip(accepted):
    registry.register("t", accepted)
    assert "t" in registry.names()
    dup = os.dup(accepted.fileno())  # error: WSK202
    os.close(dup)


@pytest.mark.skipif(sys.platform == "win32", reason="socket handles are not CRT descriptors")
def test_raw_write(accepted):
    assert os.write(accepted.fileno(), b"x") == 1


def test_broadcast(accepted):
    registry.register("b", accepted)
    forward.broadcast(b"hello")


def test_journal(pipe_pair):
    r, w = pipe_pair
    os.write(w, b"abc")
    assert os.read(r, 3) == b"abc"
    assert forward.journal(b"zz") == b"zz"
