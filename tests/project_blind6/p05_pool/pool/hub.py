"""Shared state between the acceptor and the workers."""

from __future__ import annotations

import socket
import threading

pending: list[socket.socket] = []
lock = threading.Lock()

control = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
