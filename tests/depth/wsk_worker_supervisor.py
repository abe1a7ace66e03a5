"""Process supervisor that owns the listening sockets and keeps N workers alive.

Workers inherit the listeners (POSIX: ``pass_fds``; Windows: ``share()``
blobs written to their stdin) so a crashed worker never drops the port.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
from multiprocessing import reduction

LOG = logging.getLogger("supervisor")
WORKER = [sys.executable, "-m", "app.worker"]


class Supervisor:
    def __init__(self, addrs: list[tuple[str, int]], workers: int = 4) -> None:
        self.listeners: list[socket.socket] = [socket.create_server(a, backlog=128) for a in addrs]
        self.nworkers = workers
        self.procs: dict[int, subprocess.Popen] = {}
        self.stopping = False

    def _inheritable_fds(self) -> list[int]:
        fds = []
        for lsock in self.listeners:
            if sys.platform != "darwin":  # macOS workers re-bind with SO_REUSEPORT instead
                os.set_inheritable(lsock.fileno(), True)  # error: WSK205
            fds.append(lsock.fileno())
        return fds

    def spawn(self, slot: int) -> subprocess.Popen:
        env = dict(os.environ, WORKER_SLOT=str(slot))
        if os.name == "nt":
            proc = subprocess.Popen(WORKER + ["--shared-sockets"], stdin=subprocess.PIPE, env=env)
            assert proc.stdin is not None
            for lsock in self.listeners:
                blob = lsock.share(proc.pid)
                proc.stdin.write(len(blob).to_bytes(4, "big") + blob)
            proc.stdin.close()
        else:
            fds = [lsock.fileno() for lsock in self.listeners]
            for fd in fds:
                os.set_inheritable(fd, True)
            env["LISTEN_FDS"] = ",".join(map(str, fds))
            proc = subprocess.Popen(WORKER, pass_fds=fds, env=env)
        self.procs[slot] = proc
        return proc

    def spawn_inetd_worker(self) -> subprocess.Popen:
        # the old single-socket worker expects its listener on stdin, inetd "wait" style
        fds = self._inheritable_fds()
        LOG.info("legacy worker gets fds %s", fds)
        return subprocess.Popen(WORKER + ["--inetd"], stdin=self.listeners[0])  # error: WSK301

    def exec_inetd_worker(self) -> None:
        """Debug mode: become the legacy worker, listener on stdin."""
        os.dup2(self.listeners[0].fileno(), sys.stdin.fileno())  # error: WSK202
        os.execv(sys.executable, WORKER + ["--inetd"])

    def hand_to_manager(self, conn: multiprocessing.connection.Connection, manager_pid: int) -> None:
        """Give the first listener to a multiprocessing-based manager process."""
        reduction.send_handle(conn, self.listeners[0].fileno(), manager_pid)  # error: WSK103

    def listener_tokens(self, pid: int) -> list:
        """Picklable tokens a multiprocessing child can ``detach()`` into handles."""
        return [reduction.DupHandle(lsock.fileno(), 0, pid) for lsock in self.listeners]  # error: WSK103

    def run(self) -> None:
        signal.signal(signal.SIGTERM, lambda *_: setattr(self, "stopping", True))
        for slot in range(self.nworkers):
            self.spawn(slot)
        while not self.stopping:
            time.sleep(1.0)
            for slot, proc in list(self.procs.items()):
                code = proc.poll()
                if code is not None:
                    LOG.warning("worker %d exited with %s, restarting", slot, code)
                    self.spawn(slot)
        self.shutdown()

    def shutdown(self) -> None:
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        for lsock in self.listeners:
            if sys.platform.startswith(("linux", "freebsd")):
                os.close(lsock.fileno())
            else:
                lsock.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Supervisor([("0.0.0.0", 8080)], workers=int(os.environ.get("WORKERS", "4"))).run()
