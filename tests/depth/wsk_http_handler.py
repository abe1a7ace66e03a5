"""Embedded admin console for the ``hearth`` Windows service.

An HTTP endpoint for the dashboard and an XML-RPC endpoint for the CLI.
"""
from __future__ import annotations

import http.server
import io
import json
import logging
import os
import socket
import subprocess
import sys
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer

log = logging.getLogger("hearth.admin")

SCRIPTS = {
    "diag": [sys.executable, "-m", "hearth.diag"],
    "gc": [sys.executable, "-m", "hearth.gc", "--verbose"],
}


class AdminServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def server_bind(self) -> None:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        super().server_bind()
        os.set_inheritable(self.socket.fileno(), False)  # error: WSK205


class AdminHandler(http.server.BaseHTTPRequestHandler):
    server_version = "hearth-admin/2.3"

    def do_GET(self) -> None:
        body = json.dumps({"pid": os.getpid(), "scripts": sorted(SCRIPTS)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        argv = SCRIPTS.get(self.path.strip("/"))
        if argv is None:
            self.send_error(404, "no such script")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.flush()
        proc = subprocess.Popen(  # error: WSK301
            argv,
            stdin=subprocess.DEVNULL,
            stdout=self.connection,
            stderr=subprocess.STDOUT,
        )
        proc.wait(timeout=120)
        self.close_connection = True

    def log_message(self, fmt: str, *args) -> None:
        log.info("%s %s", self.address_string(), fmt % args)


class RpcHandler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/RPC2",)

    def setup(self) -> None:
        super().setup()
        self.raw_in = io.open(self.request.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203


def serve_admin(port: int = 8470) -> None:
    with AdminServer(("127.0.0.1", port), AdminHandler) as httpd:
        httpd.serve_forever()


def serve_rpc(port: int = 8471) -> None:
    server = SimpleXMLRPCServer(("127.0.0.1", port), requestHandler=RpcHandler, logRequests=False)
    server.register_function(os.getpid, "pid")
    server.register_function(lambda: sorted(SCRIPTS), "scripts")
    server.serve_forever()
