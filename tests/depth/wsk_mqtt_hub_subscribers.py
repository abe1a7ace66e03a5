"""Home-automation hub: a tiny MQTT-like broker for sensors and switches.

Devices connect over TCP, send ``SUB <topic>`` or ``PUB <topic> <payload>`` lines, and the
hub fans publications out to the subscriber table. Automations run in a separate rules
process that takes over a device's connection when it asks for one.
"""
from __future__ import annotations

import collections
import logging
import os
import selectors
import socket
from multiprocessing import reduction
from multiprocessing.connection import Connection as PipeEnd
from typing import Deque, Dict, List, Tuple

log = logging.getLogger("hub.broker")

Address = Tuple[str, int]
Subscriber = Tuple[socket.socket, Address]


class Broker:
    def __init__(self, port: int, rules_pipe: PipeEnd, rules_pid: int) -> None:
        self.listener = socket.create_server(("0.0.0.0", port), reuse_port=False)
        self.listener.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ)
        self.pending: Deque[Subscriber] = collections.deque()
        self.subscribers: Dict[str, List[Subscriber]] = collections.defaultdict(list)
        self.retained: Dict[str, bytes] = {}
        self.rules_pipe = rules_pipe
        self.rules_pid = rules_pid
        self.wake_r, self.wake_w = os.pipe()

    def wake(self) -> None:
        # self-pipe, not a socket
        os.write(self.wake_w, b"\0")

    def _accept_ready(self) -> None:
        while True:
            try:
                self.pending.append(self.listener.accept())
            except BlockingIOError:
                return

    def _greet_pending(self) -> None:
        while self.pending:
            conn, addr = self.pending.popleft()
            if not os.get_blocking(conn.fileno()):  # error: WSK205
                conn.setblocking(True)
            conn.sendall(b"HELLO hub/1\n")
            self.selector.register(conn, selectors.EVENT_READ, addr)

    def subscribe(self, topic: str, conn: socket.socket, addr: Address) -> None:
        self.subscribers[topic].append((conn, addr))
        if topic in self.retained:
            conn.sendall(self._frame(topic, self.retained[topic]))

    @staticmethod
    def _frame(topic: str, payload: bytes) -> bytes:
        head = f"MSG {topic} {len(payload)}\n".encode()
        return head + payload

    def publish(self, topic: str, payload: bytes, retain: bool = False) -> int:
        if retain:
            self.retained[topic] = payload
        head = f"MSG {topic} {len(payload)}\n".encode()
        delivered = 0
        for conn, addr in self.subscribers.get(topic, []):
            try:
                os.writev(conn.fileno(), [head, payload])  # error: WSK201
                delivered += 1
            except OSError as exc:
                log.warning("drop %s:%d on %s: %s", *addr, topic, exc)
        return delivered

    def hand_to_rules(self, topic: str) -> None:
        """Give every subscriber of ``topic`` to the rules process and forget it here."""
        for conn, _addr in self.subscribers.pop(topic, []):
            self.selector.unregister(conn)
            reduction.send_handle(self.rules_pipe, conn.fileno(), self.rules_pid)  # error: WSK103
            conn.detach()

    def drop_peer(self, victim: socket.socket) -> None:
        for topic, subs in list(self.subscribers.items()):
            self.subscribers[topic] = [(c, a) for c, a in subs if c is not victim]
        self.selector.unregister(victim)
        os.close(victim.fileno())  # error: WSK205

    def serve_once(self, timeout: float = 1.0) -> None:
        for key, _events in self.selector.select(timeout):
            if key.fileobj is self.listener:
                self._accept_ready()
                self._greet_pending()
                continue
            conn = key.fileobj
            line = conn.recv(4096)
            if not line:
                self.drop_peer(conn)
                continue
            verb, _, rest = line.strip().partition(b" ")
            if verb == b"SUB":
                self.subscribe(rest.decode(), conn, key.data)
            elif verb == b"PUB":
                topic, _, payload = rest.partition(b" ")
                self.publish(topic.decode(), payload)

    def close(self) -> None:
        os.close(self.wake_r)
        os.close(self.wake_w)
        self.selector.close()
        self.listener.close()
