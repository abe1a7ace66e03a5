"""prefork -- a worker pool that spreads accepted connections over processes.

The parent owns the listening socket and accepts; each connection is handed
to the next worker over a multiprocessing pipe.  Workers run a CGI-style
handler whose output goes straight to the client.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import os
import socket
import subprocess
import sys
from multiprocessing import reduction
from multiprocessing.connection import Connection

if sys.platform == "win32":
    import _winapi

log = logging.getLogger(__name__)

HANDLER = [sys.executable, "-m", "prefork.cgi"]


def worker_main(pipe: Connection, ident: int, mode: str) -> None:
    log.info("worker %d started (pid %d, mode %s)", ident, os.getpid(), mode)
    while True:
        msg = pipe.recv()
        if msg is None:
            break
        if mode == "share":
            sock = socket.fromshare(msg)
        else:
            sock = socket.socket(fileno=reduction.recv_handle(pipe))
        with sock:
            subprocess.run(HANDLER, stdin=subprocess.DEVNULL, stdout=sock, check=False)  # error: WSK301


class Pool:
    def __init__(self, address: tuple[str, int], workers: int = 4, mode: str = "handle") -> None:
        self.mode = mode
        self.listener = socket.create_server(address, backlog=128)
        self.procs: list[tuple[mp.Process, Connection]] = []
        for i in range(workers):
            parent_end, child_end = mp.Pipe()
            proc = mp.Process(target=worker_main, args=(child_end, i, mode), daemon=True)
            proc.start()
            child_end.close()
            self.procs.append((proc, parent_end))
        self._rr = itertools.cycle(self.procs)

    def dispatch_one(self) -> None:
        conn, addr = self.listener.accept()
        proc, pipe = next(self._rr)
        log.debug("connection from %s -> worker pid %d", addr, proc.pid)
        with conn:
            if self.mode == "share":
                pipe.send(conn.share(proc.pid))
            else:
                pipe.send(True)
                reduction.send_handle(pipe, conn.fileno(), proc.pid)  # error: WSK103

    def give_listener(self, pipe: Connection) -> None:
        """Shared-accept mode: the listener pickles through resource_sharer.DupSocket."""
        pipe.send(self.listener)

    def clone_listener_for(self, proc: mp.Process) -> int:
        """Old shared-accept mode: a raw listening handle valid in *proc*."""
        source = _winapi.GetCurrentProcess()
        target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, proc.pid)
        try:
            return _winapi.DuplicateHandle(  # error: WSK103
                source,
                self.listener.fileno(),
                target,
                0,
                False,
                _winapi.DUPLICATE_SAME_ACCESS,
            )
        finally:
            _winapi.CloseHandle(target)

    def inheritable_listener(self) -> int:
        """Handle value a plain subprocess helper can inherit."""
        return reduction.duplicate(handle=self.listener.fileno(), inheritable=True)  # error: WSK103

    def picklable_listener(self, proc: mp.Process):
        return reduction.DupHandle(self.listener.fileno(), 0, proc.pid)  # error: WSK103

    def shutdown(self) -> None:
        for proc, pipe in self.procs:
            pipe.send(None)
            pipe.close()
        for proc, _ in self.procs:
            proc.join(5)
        self.listener.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    mode = "share" if sys.platform == "win32" else "handle"
    pool = Pool(("0.0.0.0", 8000), workers=os.cpu_count() or 2, mode=mode)
    try:
        while True:
            pool.dispatch_one()
    except KeyboardInterrupt:
        pass
    finally:
        pool.shutdown()


if __name__ == "__main__":
    mp.freeze_support()
    main()
