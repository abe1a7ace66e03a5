from __future__ import annotations

import logging
import os
import socketserver
import subprocess
import sys

from . import _compat
from .session import endpoint_of
from .spawn import default_shell, spawn_shell
from .utils.auth import verify_token

log = logging.getLogger("rshell.server")


class ShellHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        ep = endpoint_of(self.request)
        token = self.rfile.readline(512).strip()
        if not verify_token(self.server.secret, token.decode("ascii", "replace")):
            self.wfile.write(b"ERR auth\n")
            return
        command = self.rfile.readline(65536).decode("utf-8").strip()
        log.info("%s:%d runs %r (handle %d)", ep.peer[0], ep.peer[1], command, ep.handle)
        if self.server.console_mode and sys.platform == "win32":
            # Console programs expect a CRT descriptor in binary mode.
            fd = _compat.to_crt_fd(self.request.fileno())  # error: WSK204
            _compat.set_binary(fd)
        proc = spawn_shell(default_shell() + [command], stdin=subprocess.PIPE, stdout=self.request)  # error: WSK301
        proc.stdin.close()
        rc = proc.wait()
        if rc == 0 and self.server.linger_children:
            # Background jobs keep the stream; drop our descriptor without
            # the shutdown() that TCPServer.shutdown_request() would do.
            os.close(ep.handle)  # error: WSK205
            return
        self.wfile.write(b"\nEXIT %d\n" % rc)


class ShellServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, secret: bytes, *, console_mode: bool = False,
                 linger_children: bool = False) -> None:
        self.secret = secret
        self.console_mode = console_mode
        self.linger_children = linger_children
        super().__init__(address, ShellHandler)
