"""winshare -- hand accepted connections to worker processes on Windows.

Sockets travel as ``socket.share()`` blobs (WSADuplicateSocket underneath)
or as socket objects that multiprocessing pickles for us.  Only handles
that really are files go through DuplicateHandle.
"""

from __future__ import annotations

import logging
import msvcrt
import multiprocessing as mp
import os
import socket
import subprocess
import sys
from multiprocessing import reduction
from multiprocessing.connection import Connection

import _winapi

log = logging.getLogger("winshare")


def handle_connection(conn: socket.socket, out) -> None:
    request = conn.recv(65536)
    proc = subprocess.run(
        [sys.executable, "-m", "winshare.cgi"],
        input=request,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    conn.sendall(proc.stdout)
    out.write(b"%d bytes in, %d bytes out\r\n" % (len(request), len(proc.stdout)))


def worker_main(pipe: Connection, ident: int) -> None:
    out = sys.stderr.buffer
    while True:
        kind, payload = pipe.recv()
        if kind == "stop":
            return
        if kind == "log":
            # a duplicated *file* handle, valid in this process
            fd = msvcrt.open_osfhandle(payload, os.O_WRONLY | os.O_APPEND)
            out = os.fdopen(fd, "ab", buffering=0)
            continue
        if kind == "share":
            conn = socket.fromshare(payload)
        else:
            conn = payload  # rebuilt by multiprocessing.resource_sharer
        with conn:
            handle_connection(conn, out)


def spawn_inheriting(conn: socket.socket) -> subprocess.Popen:
    """Give a plain helper the socket by inheritance; it calls socket.socket(fileno=...)."""
    handle = conn.fileno()
    os.set_handle_inheritable(handle, True)
    try:
        return subprocess.Popen([sys.executable, "-m", "winshare.helper", str(handle)], close_fds=False)
    finally:
        os.set_handle_inheritable(handle, False)


def helper_main(argv: list[str]) -> None:
    conn = socket.socket(fileno=int(argv[0]))
    with conn:
        handle_connection(conn, sys.stderr.buffer)


class Dispatcher:
    def __init__(self, address: tuple[str, int], workers: int = 2, logpath: str = "winshare.log") -> None:
        self.listener = socket.create_server(address)
        self.logfile = open(logpath, "ab", buffering=0)
        self.workers: list[tuple[mp.Process, Connection]] = []
        for i in range(workers):
            parent_end, child_end = mp.Pipe()
            proc = mp.Process(target=worker_main, args=(child_end, i), daemon=True)
            proc.start()
            self.workers.append((proc, parent_end))
            self.share_log_with(proc, parent_end)

    def share_log_with(self, proc: mp.Process, pipe: Connection) -> None:
        handle = msvcrt.get_osfhandle(self.logfile.fileno())
        target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, proc.pid)
        try:
            dup = reduction.duplicate(handle, target_process=target)
        finally:
            _winapi.CloseHandle(target)
        pipe.send(("log", dup))

    def dispatch_shared(self, idx: int) -> None:
        conn, addr = self.listener.accept()
        proc, pipe = self.workers[idx]
        with conn:
            pipe.send(("share", conn.share(proc.pid)))
        log.debug("%s -> worker %d (share)", addr, idx)

    def dispatch_object(self, idx: int) -> None:
        conn, addr = self.listener.accept()
        proc, pipe = self.workers[idx]
        pipe.send(("object", conn))  # pickled through resource_sharer.DupSocket
        conn.close()
        log.debug("%s -> worker %d (object)", addr, idx)

    def local_backup(self) -> socket.socket:
        return self.listener.dup()

    def shutdown(self) -> None:
        for proc, pipe in self.workers:
            pipe.send(("stop", None))
        for proc, _ in self.workers:
            proc.join(5)
        self.listener.close()
        self.logfile.close()


if __name__ == "__main__":
    mp.freeze_support()
    logging.basicConfig(level=logging.DEBUG)
    d = Dispatcher(("127.0.0.1", 8080))
    try:
        n = 0
        while True:
            if n % 2:
                d.dispatch_shared(n % len(d.workers))
            else:
                d.dispatch_object(n % len(d.workers))
            n += 1
    except KeyboardInterrupt:
        d.shutdown()
