"""Pre-spawned worker pool for the Windows build of the job server.

The acceptor process owns the listening socket; accepted connections are
handed to worker processes over a multiprocessing pipe.  Two hand-off
strategies exist (the "share" strategy is the newer one), plus the old
"inherit the listener" mode kept for the benchmark harness.
"""
from __future__ import annotations

import _winapi
import multiprocessing as mp
import socket
from multiprocessing import reduction
from multiprocessing.connection import Connection

BUSY_REPLY = b"503 busy\r\n"
PROCESS_DUP_HANDLE = 0x0040


def _worker_main(ctl: Connection) -> None:
    while True:
        kind, payload = ctl.recv()
        if kind == "stop":
            return
        if kind == "share":
            conn = socket.fromshare(payload)
        elif kind == "object":
            conn = payload
        else:
            conn = socket.socket(fileno=payload)
        with conn:
            conn.sendall(b"200 hello from worker\r\n")


class Acceptor:
    def __init__(self, port: int, workers: int = 4, strategy: str = "share") -> None:
        self.listener = socket.create_server(("0.0.0.0", port), backlog=128)
        self.strategy = strategy
        self.pool: list[tuple[mp.Process, Connection]] = []
        for _ in range(workers):
            parent, child = mp.Pipe()
            proc = mp.Process(target=_worker_main, args=(child,), daemon=True)
            proc.start()
            self.pool.append((proc, parent))
        self._next = 0

    def _pick(self) -> tuple[mp.Process, Connection]:
        proc, ctl = self.pool[self._next % len(self.pool)]
        self._next += 1
        return proc, ctl

    def dispatch(self, client: socket.socket) -> None:
        proc, ctl = self._pick()
        if self.strategy == "share":
            ctl.send(("share", client.share(proc.pid)))
        elif self.strategy == "object":
            ctl.send(("object", client))
        elif self.strategy == "handle":
            reduction.send_handle(ctl, client.fileno(), proc.pid)  # error: WSK103
        else:
            target = _winapi.OpenProcess(PROCESS_DUP_HANDLE, False, proc.pid)
            try:
                dup = reduction.duplicate(client.fileno(), target_process=target)  # error: WSK103
            finally:
                _winapi.CloseHandle(target)
            ctl.send(("raw", dup))
        client.close()

    def reject(self, client: socket.socket) -> None:
        _winapi.WriteFile(handle=client.fileno(), buffer=BUSY_REPLY)  # error: WSK102
        client.close()

    def listener_for(self, proc: mp.Process) -> int:
        """Benchmark mode: every worker accepts on a copy of the listener."""
        target = _winapi.OpenProcess(PROCESS_DUP_HANDLE, False, proc.pid)
        try:
            return _winapi.DuplicateHandle(  # error: WSK103
                _winapi.GetCurrentProcess(),
                self.listener.fileno(),
                target,
                0,
                True,
                _winapi.DUPLICATE_SAME_ACCESS,
            )
        finally:
            _winapi.CloseHandle(target)

    def serve(self, max_pending: int = 1000) -> None:
        pending = 0
        while True:
            client, _addr = self.listener.accept()
            if pending > max_pending:
                self.reject(client)
                continue
            self.dispatch(client)
            pending += 1

    def stop(self) -> None:
        for proc, ctl in self.pool:
            ctl.send(("stop", None))
            proc.join(5)
        self.listener.close()


if __name__ == "__main__":
    Acceptor(8800, strategy="share").serve()
