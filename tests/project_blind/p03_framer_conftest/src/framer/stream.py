"""Read frames from a binary file object."""

from .codec import HEADER


class FrameReader:
    def __init__(self, raw):
        self.raw = raw

    def _exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.raw.read(n - len(buf))
            if not chunk:
                raise EOFError("stream closed mid-frame")
            buf += chunk
        return buf

    def read_frame(self):
        (size,) = HEADER.unpack(self._exact(HEADER.size))
        return self._exact(size)
