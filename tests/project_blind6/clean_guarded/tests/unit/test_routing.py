import os

from guardnet.net import routing


def test_write_any_socket(pair):
    a, b = pair
    routing.write_any(a, b"x")
    assert b.recv(1) == b"x"


def test_read_any_pipe():
    r, w = os.pipe()
    os.write(w, b"y")
    with os.fdopen(r, "rb") as f:
        assert routing.read_any(f, 1) == b"y"
    os.close(w)
