"""Attach server of a terminal multiplexer.

A client attaches over TCP and the server wires the connection to a session's
shell.  Every descriptor path starts by sending Windows (and Cygwin) somewhere
else: a fallback that returns, or an exception.
"""
import logging
import os
import platform
import socket
import subprocess
import sys

log = logging.getLogger("mux.attach")


class AttachServer:
    def __init__(self, port: int, raw_mode: bool = False) -> None:
        self.listener = socket.create_server(("127.0.0.1", port))
        self.clients: list[socket.socket] = []
        self.raw_mode = raw_mode

    def _attach_windows(self, conn: socket.socket) -> int:
        proc = subprocess.Popen(["cmd.exe"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        conn.sendall(conn.share(proc.pid))
        return proc.pid

    def attach(self, conn: socket.socket) -> int:
        if sys.platform.startswith(("win", "cygwin")):
            return self._attach_windows(conn)
        os.set_blocking(conn.fileno(), True)
        proc = subprocess.Popen(["/bin/sh", "-i"], stdin=conn, stdout=subprocess.PIPE)
        os.dup2(conn.fileno(), 2)
        return proc.pid

    def peek(self, conn: socket.socket) -> bytes:
        if os.name == "nt":
            raise NotImplementedError("peek uses read(2) on the raw descriptor")
        return os.read(conn.fileno(), 1)

    def set_raw(self, conn: socket.socket) -> None:
        if os.name == "nt" or not self.raw_mode:
            return
        os.set_blocking(conn.fileno(), False)

    def nonblocking_all(self) -> None:
        for conn in self.clients:
            if sys.platform == "win32":
                conn.setblocking(False)
                continue
            os.set_blocking(conn.fileno(), False)

    def stat_client(self, conn: socket.socket):
        if platform.system() == "Windows":
            raise RuntimeError("fstat on a socket is POSIX-only")
        return os.fstat(conn.fileno())

    def as_file(self, conn: socket.socket):
        if sys.platform == "win32":
            return None
        return os.fdopen(conn.detach(), "rb", buffering=0)

    def seal(self, conn: socket.socket) -> None:
        if not sys.platform.startswith(("linux", "darwin", "freebsd")):
            conn.close()
            return
        os.set_inheritable(conn.fileno(), False)
        os.close(conn.detach())

    def serve(self) -> None:
        while True:
            conn, peer = self.listener.accept()
            log.info("attach from %s", peer)
            self.clients.append(conn)
            self.set_raw(conn)
            self.attach(conn)
