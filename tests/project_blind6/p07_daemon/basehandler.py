"""Base request handler with connection logging."""

import logging
import socketserver

log = logging.getLogger("daemon")


class LoggingHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def setup(self) -> None:
        super().setup()
        log.info("connection from %s", self.client_address)
