import os

import pytest

from framer import HEADER, FrameReader, decode, encode


def test_encode_header():
    assert encode(b"abc")[: HEADER.size] == b"\x00\x00\x00\x03"


def test_decode_short():
    with pytest.raises(ValueError):
        decode(b"\x00\x00")


def test_frame_over_raw_descriptor(left, right):
    frame = encode(b"hello")
    os.write(left.fileno(), frame)  # error: WSK201
    assert decode(right.recv(64)) == (b"hello", b"")


def test_partial_header(pair):
    a, b = pair
    a.sendall(encode(b"x" * 100))
    head = os.read(b.fileno(), HEADER.size)  # error: WSK201
    assert HEADER.unpack(head) == (100,)


def test_reader_on_accepted_connection(client, peer):
    client.sendall(encode(b"one") + encode(b"two"))
    with open(peer.fileno(), "rb", buffering=0, closefd=False) as raw:  # error: WSK203
        reader = FrameReader(raw)
        assert reader.read_frame() == b"one"
        assert reader.read_frame() == b"two"
