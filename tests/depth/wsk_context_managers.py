"""Helpers for the build farm's remote command runner.

The runner listens for a coordinator, executes one command per connection
and streams the output back.
"""
import contextlib
import logging
import os
import shlex
import socket
import subprocess

logger = logging.getLogger("farm.runner")


@contextlib.contextmanager
def coordinator_link(host, port, timeout=30.0):
    """Yield a connected socket; always closed on exit."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        yield s
    finally:
        s.close()


@contextlib.contextmanager
def status_file(path):
    f = open(path, "w", encoding="utf-8")
    try:
        yield f
    finally:
        f.close()


class Listener:
    """``with Listener(port) as srv:`` gives the bound, listening socket."""

    def __init__(self, port, backlog=8):
        self.port = port
        self.backlog = backlog
        self._sock = None

    def __enter__(self):
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("0.0.0.0", self.port))
        self._sock.listen(self.backlog)
        return self._sock

    def __exit__(self, exc_type, exc, tb):
        self._sock.close()
        return False


def incoming(listener):
    """Yield accepted connections forever."""
    while True:
        conn, addr = listener.accept()
        logger.info("connection from %s", addr[0])
        yield conn


def report_ready(host, port, worker_name):
    with coordinator_link(host, port) as link:
        os.write(link.fileno(), ("READY %s\n" % worker_name).encode())  # error: WSK201


def write_status(path, text):
    with status_file(path) as f:
        f.write(text)
        os.fsync(f.fileno())


def run_one(port, command):
    """Accept one coordinator connection and run ``command`` with output on it."""
    with Listener(port) as srv:
        conn, _ = srv.accept()
        with conn:
            result = subprocess.run(shlex.split(command), stdout=conn, stderr=subprocess.STDOUT)  # error: WSK301
            logger.info("exit status %d", result.returncode)


def serve(port, make_command):
    with Listener(port) as srv:
        for conn in incoming(srv):
            os.set_inheritable(conn.fileno(), True)  # error: WSK205
            try:
                cmd = make_command(conn.recv(1024).decode().strip())
                proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                for chunk in iter(lambda: proc.stdout.read(8192), b""):
                    conn.sendall(chunk)
                proc.wait()
            finally:
                conn.close()
