import pytest

from rpcbus.codec import HEADER_SIZE, FrameError, decode_body, decode_header, encode_frame


@pytest.mark.parametrize("msg", [{}, {"id": 1}, {"params": ["\u00e9", None, 1.5]}])
def test_roundtrip(msg):
    frame = encode_frame(msg)
    size = decode_header(frame[:HEADER_SIZE])
    assert size == len(frame) - HEADER_SIZE
    assert decode_body(frame[HEADER_SIZE:]) == msg


def test_body_must_be_object():
    with pytest.raises(FrameError):
        decode_body(b"[1, 2]")


def test_oversized_header():
    with pytest.raises(FrameError):
        decode_header(b"\xff\xff\xff\xff")
