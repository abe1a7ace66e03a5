"""Remote diagnostics for build-farm agents.

Two small services run inside every agent (Windows and Linux hosts alike):

* a line-oriented TCP "diag shell" built on socketserver, used by the
  farm dashboard to tail agent logs, and
* an HTTP status page built on http.server that the load balancer polls.
"""
from __future__ import annotations

import http.server
import json
import os
import socketserver
import sys
import threading

IS_WINDOWS = sys.platform == "win32"
LOG_DIR = os.environ.get("AGENT_LOG_DIR", "logs")
TAIL_BYTES = 16 * 1024


class DiagShellHandler(socketserver.StreamRequestHandler):
    """One TCP connection is one diag session."""

    timeout = 300

    def setup(self) -> None:
        super().setup()
        if not IS_WINDOWS:
            # the tail helper forks; keep the session out of it
            os.set_inheritable(self.request.fileno(), False)

    def handle(self) -> None:
        self.wfile.write(b"agent-diag ready\n")
        for raw in self.rfile:
            cmd = raw.decode("utf-8", "replace").strip()
            if cmd == "quit":
                break
            if cmd.startswith("tail "):
                self._tail(cmd[5:])
            elif cmd == "raw":
                self._raw_echo()
            else:
                self.wfile.write(b"?\n")

    def _tail(self, name: str) -> None:
        path = os.path.join(LOG_DIR, os.path.basename(name))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(fd).st_size
            os.lseek(fd, max(0, size - TAIL_BYTES), os.SEEK_SET)
            data = os.read(fd, TAIL_BYTES)
        finally:
            os.close(fd)
        self.wfile.flush()
        # skip the buffered writer for big tails
        os.write(self.request.fileno(), data)  # error: WSK201

    def _raw_echo(self) -> None:
        session_fd = self.request.fileno()
        while True:
            chunk = os.read(session_fd, 4096)  # error: WSK201
            if not chunk or chunk.strip() == b".":
                break
            self.wfile.write(chunk)


class StatusHandler(http.server.BaseHTTPRequestHandler):
    server_version = "AgentStatus/1.4"

    def _send_json(self, status: int, doc: dict) -> None:
        body = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._send_json(200, {"ok": True, "pid": os.getpid()})

    def do_PUT(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        # an unbuffered reader over the same connection for large uploads
        with os.fdopen(self.connection.fileno(), "rb", buffering=0, closefd=False) as raw:  # error: WSK203
            payload = raw.read(length)
        target = os.path.join(LOG_DIR, "upload.bin")
        with open(target, "wb") as out:
            out.write(payload)
        self._send_json(201, {"stored": len(payload)})

    def log_message(self, fmt: str, *args: object) -> None:
        sys.stderr.write("status: " + fmt % args + "\n")


class _DiagServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def serve(diag_port: int = 7070, status_port: int = 7071) -> None:
    diag = _DiagServer(("0.0.0.0", diag_port), DiagShellHandler)
    status = http.server.ThreadingHTTPServer(("0.0.0.0", status_port), StatusHandler)
    for srv in (diag, status):
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        diag.shutdown()
        status.shutdown()


if __name__ == "__main__":
    serve()
