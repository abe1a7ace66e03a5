import os

from pipeline.routing import write_any


def test_write_any_to_descriptor(sock):
    write_any(sock, b"hello")
    os.write(sock, b"!")
    assert os.fstat(sock).st_size >= 0


def test_write_any_to_socket(peer_pair):
    a, b = peer_pair
    write_any(a, b"hello")
    assert b.recv(5) == b"hello"
