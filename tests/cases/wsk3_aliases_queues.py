"""Sockets through type aliases, queues, records in dictionaries of lists."""
import collections
import os
import queue
import socket
import threading
from typing import Deque, Dict, List, Tuple

Address = Tuple[str, int]
Subscriber = Tuple[socket.socket, Address]


class Hub:
    def __init__(self) -> None:
        self.pending: Deque[Subscriber] = collections.deque()
        self.subscribers: Dict[str, List[Subscriber]] = collections.defaultdict(list)
        self.backlog: "queue.Queue[tuple[socket.socket, Address]]" = queue.Queue()

    def publish(self, topic: str, payload: bytes) -> None:
        for conn, addr in self.subscribers.get(topic, []):
            os.write(conn.fileno(), payload)  # error: WSK201

    def drop(self, victim: socket.socket) -> None:
        for topic, subs in list(self.subscribers.items()):
            self.subscribers[topic] = [(c, a) for c, a in subs if c is not victim]

    def reader(self) -> None:
        conn, peer = self.backlog.get()
        open(conn.fileno(), "rb", closefd=False)  # error: WSK203


def worker(jobs: "queue.Queue[socket.socket]") -> None:
    conn = jobs.get()
    os.close(conn.fileno())  # error: WSK205


def feed():
    jobs = queue.Queue()
    jobs.put(socket.create_connection(("db", 5432)))
    threading.Thread(target=lambda: os.fstat(jobs.get().fileno())).start()  # error: WSK205
