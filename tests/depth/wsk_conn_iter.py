"""Job intake for the ``forge`` build agent.

The coordinator connects, writes a job description, and the agent runs one
worker process per job.  Windows agents are the majority of the fleet.
"""
from __future__ import annotations

import logging
import socket
import subprocess
import sys

log = logging.getLogger("forge.intake")

WORKER_CMD = [sys.executable, "-m", "forge.worker"]
REPORT_CMD = [sys.executable, "-m", "forge.report", "--stream"]
POPEN_DEFAULTS = {
    "close_fds": False,
    "creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0),
}


class Acceptor:
    """Iterate over incoming coordinator connections until ``limit`` is hit."""

    def __init__(self, listener: socket.socket, limit: int | None = None) -> None:
        self._listener = listener
        self._limit = limit
        self._seen = 0

    def __iter__(self) -> Acceptor:
        return self

    def __next__(self):
        if self._limit is not None and self._seen >= self._limit:
            raise StopIteration
        conn, peer = self._listener.accept()
        self._seen += 1
        log.info("job connection #%d from %s", self._seen, peer)
        return conn


def serve(port: int = 7010) -> None:
    listener = socket.create_server(("", port), backlog=32)
    workers: list[subprocess.Popen] = []
    for conn in Acceptor(listener):
        conn.settimeout(None)
        proc = subprocess.Popen(WORKER_CMD, stdin=conn, **POPEN_DEFAULTS)  # error: WSK301
        workers.append(proc)
        workers = [w for w in workers if w.poll() is None]
        conn.close()


def run_single(port: int) -> int:
    """One job; used by the integration tests and ``forge intake --once``."""
    listener = socket.create_server(("127.0.0.1", port))
    conn = next(Acceptor(listener, limit=1))
    try:
        result = subprocess.run(REPORT_CMD, **{"stdout": conn, "check": False})  # error: WSK301
        return result.returncode
    finally:
        conn.close()
        listener.close()


def run_logged(port: int, log_path: str) -> bytes:
    listener = socket.create_server(("127.0.0.1", port))
    with listener:
        conn, _ = listener.accept()
        with conn, open(log_path, "ab") as log_file:
            job = conn.recv(65536).decode()
            out = subprocess.check_output(  # error: WSK301
                WORKER_CMD + ["--job", job],
                stderr=conn.fileno(),
            )
            log_file.write(out)
            conn.sendall(b"done\n")
            return out


def replay(job_file: str) -> int:
    """Re-run a recorded job from disk (no network involved)."""
    with open(job_file, "rb") as job:
        return subprocess.call(WORKER_CMD, stdin=job, stderr=subprocess.STDOUT)


def relay_job(port: int) -> int:
    """The supported way: read from the socket, feed the worker through a pipe."""
    listener = socket.create_server(("127.0.0.1", port))
    conn, _ = listener.accept()
    with conn:
        payload = conn.recv(1 << 20)
        done = subprocess.run(WORKER_CMD, input=payload, stdout=subprocess.PIPE, check=False)
        conn.sendall(done.stdout)
        return done.returncode
