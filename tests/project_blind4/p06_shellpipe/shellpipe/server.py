"""The daemon: one command per connection."""
from __future__ import annotations

import logging
import socketserver

from . import compat, spawn

log = logging.getLogger("shellpipe")


class ShellHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        line = self.rfile.readline(4096).decode("utf-8", "replace").strip()
        if not line:
            return
        argv = line.split()
        if compat.is_posix():
            proc = spawn.attach(self.connection, argv)
        else:
            proc = spawn.attach_relayed(self.connection, argv)
        log.info("%s exited with %d", argv[0], proc.wait())


class LegacyCmdHandler(socketserver.BaseRequestHandler):
    """Kept for the old Windows service installer: drops the operator into cmd.exe."""

    def handle(self) -> None:
        proc = spawn.attach(self.request, ["cmd.exe", "/Q"])  # error: WSK301
        proc.wait()


class ShellServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="shellpiped")
    parser.add_argument("--port", type=int, default=4022)
    parser.add_argument("--legacy", action="store_true")
    args = parser.parse_args(argv)
    handler = LegacyCmdHandler if args.legacy else ShellHandler
    with ShellServer(("0.0.0.0", args.port), handler) as server:
        server.serve_forever()
