"""framer: length-prefixed frames over any byte stream."""

from .codec import HEADER, decode, encode
from .stream import FrameReader

__all__ = ["HEADER", "FrameReader", "decode", "encode"]
