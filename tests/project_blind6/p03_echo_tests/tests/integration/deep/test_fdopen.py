"""No conftest here: fixtures come from both levels above."""

import os


def test_fdopen_wrong(accepted, client):
    client.sendall(b"line\n")
    with os.fdopen(accepted.fileno(), "rb", closefd=False) as f:  # error: WSK203
        assert f.readline() == b"line\n"


def test_makefile_right(accepted, client):
    client.sendall(b"line\n")
    with accepted.makefile("rb") as f:
        assert f.readline() == b"line\n"


def test_fdopen_pipe(pipe):
    r, w = pipe
    with os.fdopen(w, "wb", closefd=False) as f:
        f.write(b"ok")
