"""The per-connection relay."""
import selectors
import socketserver
import sys

from . import _compat
from .net import dial
from .utils.log import get_logger

BUFSIZE = 64 * 1024
log = get_logger(__name__)


class ForwardHandler(socketserver.StreamRequestHandler):
    """Relays one accepted client to ``server.target``."""

    def handle(self):
        host, port = self.server.target
        upstream = dial(host, port, timeout=self.server.connect_timeout)
        log.debug("relay %s -> %s:%d", self.client_address, host, port)
        with upstream:
            if self.server.fast_copy and sys.platform == "win32":
                # Upload-only fast path (log shipping): copy with kernel32
                # instead of going through the selector loop.
                client_handle = self.request.fileno()
                while True:
                    chunk = _compat.win_read(client_handle, BUFSIZE)  # error: WSK101
                    if not chunk:
                        break
                    _compat.win_write(upstream.fileno(), chunk)  # error: WSK102
                return
            self._splice(upstream)

    def _splice(self, upstream):
        sel = selectors.DefaultSelector()
        sel.register(self.request, selectors.EVENT_READ, upstream)
        sel.register(upstream, selectors.EVENT_READ, self.request)
        try:
            while True:
                for key, _ in sel.select(timeout=self.server.idle_timeout):
                    data = key.fileobj.recv(BUFSIZE)
                    if not data:
                        return
                    key.data.sendall(data)
        finally:
            sel.close()
