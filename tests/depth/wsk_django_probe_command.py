"""``manage.py probe_gateway``: open a raw TCP connection to the payment gateway.

Ops run this from the Windows jump host as well as from the Linux app servers, so the
command is expected to work on both. It prints the gateway banner and, on request, feeds
the rest of the stream to a tracer or hands the live socket to an interactive shell.
"""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEFAULT_TIMEOUT = 3.0
PING_FRAME = b"\x00\x04PING"
TRACE_CMD = ["gwtrace", "--stdin", "--format=hex"]


class Command(BaseCommand):
    help = "Open a raw TCP connection to the payment gateway and report its banner."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=None)
        parser.add_argument("--port", type=int, default=None)
        parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
        parser.add_argument("--trace", action="store_true", help="pipe the stream through gwtrace")
        parser.add_argument("--keep", action="store_true", help="leave the socket to a shell")

    def handle(self, *args, **options):
        gateway = settings.PAYMENT_GATEWAY
        host = options["host"] or gateway["HOST"]
        port = options["port"] or gateway["PORT"]
        started = time.monotonic()
        try:
            conn = socket.create_connection((host, port), timeout=options["timeout"])
        except OSError as exc:
            raise CommandError(f"cannot reach {host}:{port}: {exc}") from exc

        with conn:
            if options["verbosity"] >= 3:
                st = os.fstat(conn.fileno())  # error: WSK205
                self.stdout.write(f"descriptor mode {st.st_mode:o}")
            banner = self._exchange(conn)
            elapsed = (time.monotonic() - started) * 1000
            self.stdout.write(self.style.SUCCESS(f"{host}:{port} answered in {elapsed:.1f} ms"))
            self.stdout.write(banner.decode("latin-1", "replace"))
            if options["trace"]:
                self._trace(conn)
            if options["keep"]:
                self._hand_to_shell(conn)

    def _exchange(self, conn: socket.socket) -> bytes:
        os.set_blocking(conn.fileno(), True)  # error: WSK205
        os.write(conn.fileno(), PING_FRAME)  # error: WSK201
        reader = io.open(conn.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
        header = reader.read(2)
        if len(header) < 2:
            raise CommandError("gateway closed the connection during the handshake")
        size = int.from_bytes(header, "big")
        return reader.read(size)

    def _trace(self, conn):
        cmd = getattr(settings, "PAYMENT_TRACE_CMD", TRACE_CMD)
        self.stdout.write(f"tracing with {' '.join(cmd)}")
        result = subprocess.run(cmd, stdin=conn, check=False, timeout=30)  # error: WSK301
        if result.returncode:
            self.stderr.write(f"tracer exited with {result.returncode}")

    def _hand_to_shell(self, conn: socket.socket) -> None:
        if sys.platform == "win32":
            self.stderr.write("--keep needs fd passing; use --trace on Windows")
            return
        os.set_inheritable(conn.fileno(), True)
        shell = os.environ.get("SHELL", "/bin/sh")
        self.stdout.write(f"socket is fd {conn.fileno()}; exit the shell to close it")
        subprocess.call([shell], pass_fds=(conn.fileno(),))

    def _terminal_width(self) -> int:
        # stdout here is the management command's console, not the gateway socket
        if os.isatty(sys.stdout.fileno()):
            return os.get_terminal_size(sys.stdout.fileno()).columns
        return 80
