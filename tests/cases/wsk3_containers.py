"""Containers the module fills: lists, dictionaries and selectors of sockets."""
import collections
import os
import selectors
import socket
from typing import Dict


class Registry:
    def __init__(self) -> None:
        self.by_id: Dict[int, socket.socket] = {}
        self.fds = {}
        self.backlog = collections.deque()

    def broadcast(self, data: bytes) -> None:  # read before anything is put in: found all the same
        for sid, conn in self.by_id.items():
            os.write(conn.fileno(), data)  # error: WSK201
        for fd in self.fds:
            os.write(fd, data)  # error: WSK201
        while self.backlog:
            os.close(self.backlog.popleft().fileno())  # error: WSK205

    def add(self, sid: int, conn: socket.socket) -> None:
        self.by_id[sid] = conn
        self.fds[conn.fileno()] = sid
        self.backlog.append(conn)

    def kick(self, sid: int) -> None:
        conn = self.by_id.get(sid)
        if conn is not None:
            os.close(conn.fileno())  # error: WSK205


def pool():
    idle = []
    idle.append(socket.create_connection(("db", 5432)))
    for conn in idle:
        os.set_inheritable(conn.fileno(), True)  # error: WSK205
    named = {"primary": socket.socket()}
    named.setdefault("backup", socket.socket())
    for conn in named.values():
        os.dup(conn.fileno())  # error: WSK202


class Forwarder:
    def __init__(self):
        self.listener = socket.create_server(("", 8022))
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.listener, selectors.EVENT_READ, data=None)

    def serve(self):
        for key, _mask in self.sel.select(timeout=1.0):
            os.read(key.fd, 4096)  # error: WSK201
        for key in list(self.sel.get_map().values()):
            os.write(key.fileobj.fileno(), b"bye")  # error: WSK201
