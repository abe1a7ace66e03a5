from __future__ import annotations

import json
import os
import subprocess
import sys

from ._compat import share_handle
from .net import open_listener
from .utils.naming import worker_name


class Pool:
    def __init__(self, size: int = 4, address=("127.0.0.1", 0)) -> None:
        self.size = size
        self._listener = open_listener(address)
        self.address = self._listener.getsockname()[:2]
        self._workers: list[subprocess.Popen] = []
        self._log = open(os.devnull, "ab")

    def start(self) -> None:
        for _ in range(self.size):
            self._workers.append(self.spawn_worker())

    def spawn_worker(self) -> subprocess.Popen:
        name = worker_name()
        proc = subprocess.Popen(
            [sys.executable, "-m", "jobrunner.worker", "--name", name],
            stdin=subprocess.PIPE,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        if sys.platform == "win32":
            import msvcrt

            log_handle = share_handle(msvcrt.get_osfhandle(self._log.fileno()), proc.pid)
            self._control(proc, {"op": "log", "handle": log_handle})
        return proc

    def hand_off(self, worker: subprocess.Popen) -> None:
        """Accept one client and give its connection to *worker*."""
        conn, _ = self._listener.accept()
        try:
            remote = share_handle(conn.fileno(), worker.pid)  # error: WSK103
            self._control(worker, {"op": "adopt", "handle": remote})
        finally:
            conn.close()

    def hand_off_shared(self, worker: subprocess.Popen) -> None:
        """Same as hand_off, done with socket.share() (Windows)."""
        conn, _ = self._listener.accept()
        with conn:
            blob = conn.share(worker.pid)
            self._control(worker, {"op": "fromshare", "data": blob.hex()})

    def run_inetd(self, argv: list[str]) -> int:
        """inetd mode: one process per connection, connection on its stdin."""
        conn, addr = self._listener.accept()
        with conn:
            proc = subprocess.Popen(  # error: WSK301
                argv,
                stdin=conn,
                stdout=subprocess.PIPE,
                env={**os.environ, "REMOTE_ADDR": str(addr[0])},
            )
            out, _ = proc.communicate()
            conn.sendall(out)
            return proc.returncode

    def _control(self, worker: subprocess.Popen, message: dict) -> None:
        assert worker.stdin is not None
        worker.stdin.write(json.dumps(message).encode("utf-8") + b"\n")
        worker.stdin.flush()

    def close(self) -> None:
        for proc in self._workers:
            proc.terminate()
        self._listener.close()
        self._log.close()
