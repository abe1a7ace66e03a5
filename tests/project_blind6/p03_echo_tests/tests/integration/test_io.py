import os

import util


def test_raw_read(accepted, client):
    client.sendall(b"x")
    assert os.read(accepted.fileno(), 1) == b"x"  # error: WSK201


def test_recv(accepted, client):
    client.sendall(b"hello")
    assert accepted.recv(5) == b"hello"


def test_dup_client(client):
    fd = os.dup(client.fileno())  # error: WSK202
    assert fd != client.fileno()


def test_close_accepted(accepted):
    util.close_quietly(accepted.fileno())  # error: WSK205


def test_pipe_helpers(pipe):
    r, w = pipe
    os.write(w, b"abc")
    assert util.read_exactly(r, 3) == b"abc"
    util.close_quietly(w)
