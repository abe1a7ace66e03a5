from __future__ import annotations

import collections
import multiprocessing as mp
import os
import socket
import sys


def _worker(sock: socket.socket) -> None:
    counts: collections.Counter = collections.Counter()
    while True:
        data = sock.recv(65536)
        for line in data.splitlines():
            name, _, rest = line.partition(b":")
            value, _, kind = rest.partition(b"|")
            if kind.startswith(b"c"):
                counts[name] += int(value or b"1")


class Aggregator:
    def __init__(self, host: str = "127.0.0.1", port: int = 8125) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, port))
        self.address = self.sock.getsockname()[:2]

    def spawn_workers(self, n: int) -> list:
        if sys.platform == "win32":
            ctx = mp.get_context("spawn")
            procs = []
            for _ in range(n):
                # The socket object itself pickles (resource_sharer.DupSocket).
                proc = ctx.Process(target=_worker, args=(self.sock,), daemon=True)
                proc.start()
                procs.append(proc)
            return procs
        elif hasattr(os, "fork"):
            pids = []
            for _ in range(n):
                pid = os.fork()
                if pid == 0:
                    os.set_blocking(self.sock.fileno(), True)
                    try:
                        _worker(self.sock)
                    finally:
                        os._exit(0)
                pids.append(pid)
            return pids
        raise OSError("cannot start worker processes on this platform")

    def share_with(self, pid: int) -> bytes:
        """Data for ``socket.fromshare()`` in process *pid* (Windows)."""
        return self.sock.share(pid)

    def close(self) -> None:
        self.sock.close()
