"""Middle of the stack: MBAP framing on top of the link."""
import itertools
import socketserver
import struct

from .link import LinkMixin


class FramingMixin(LinkMixin):
    _tids = itertools.count(1)

    def frame(self, unit, pdu):
        tid = next(self._tids) & 0xFFFF
        return struct.pack(">HHHB", tid, 0, len(pdu) + 1, unit) + pdu


class RetryMixin:
    retries = 3


class FramedHandler(socketserver.StreamRequestHandler):
    """Base for the gateway's servers: MBAP header helpers on the request."""

    timeout = 10

    def read_header(self):
        hdr = self.rfile.read(7)
        return struct.unpack(">HHHB", hdr) if len(hdr) == 7 else None
