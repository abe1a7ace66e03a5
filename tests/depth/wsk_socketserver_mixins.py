"""Line-protocol server assembled from socketserver mixins.

The handler hierarchy mirrors a small internal service: a logging mixin,
a framing mixin and a stack of concrete handlers, each cooperating
through super().
"""
from __future__ import annotations

import functools
import logging
import os
import socketserver

log = logging.getLogger(__name__)


class LoggingMixin:
    def setup(self) -> None:
        super().setup()
        log.debug("client %s connected", self.client_address)

    def finish(self) -> None:
        log.debug("client %s gone", self.client_address)
        super().finish()


class FramingMixin:
    terminator = b"\r\n"

    def send_frame(self, payload: bytes) -> None:
        self.wfile.write(payload + self.terminator)


class BaseLineHandler(LoggingMixin, FramingMixin, socketserver.StreamRequestHandler):
    timeout = 30

    @property
    def peer_handle(self) -> int:
        return self.connection.fileno()

    @functools.cached_property
    def raw_handle(self) -> int:
        return self.request.fileno()


class EchoHandler(BaseLineHandler):
    def handle(self) -> None:
        for line in self.rfile:
            if line.strip() == b"QUIT":
                break
            self.send_frame(line.rstrip())


class RawEchoHandler(EchoHandler):
    """Bypasses the buffered files for large payloads."""

    def setup(self) -> None:
        super().setup()
        os.set_inheritable(self.peer_handle, False)  # error: WSK205

    def handle(self) -> None:
        while True:
            chunk = os.read(self.raw_handle, 65536)  # error: WSK201
            if not chunk:
                break
            self.request.sendall(chunk)

    def finish(self) -> None:
        try:
            os.fsync(self.connection.fileno())  # error: WSK205
        except OSError:
            log.warning("flush failed for %s", self.client_address)
        super().finish()


class MirrorHandler(RawEchoHandler):
    mirrors: list[int] = []

    def handle(self) -> None:
        spare = os.dup(self.raw_handle)  # error: WSK202
        self.mirrors.append(spare)
        super().handle()


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main(port: int = 7070) -> None:
    handler = MirrorHandler if os.environ.get("MIRROR") else RawEchoHandler
    with Server(("0.0.0.0", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
