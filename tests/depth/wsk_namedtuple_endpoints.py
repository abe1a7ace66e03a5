"""Endpoint registry for the telemetry relay (Windows service build).

Endpoints are kept as immutable records so that the reconnect loop can swap a
whole record atomically instead of patching attributes under a lock.
"""
from __future__ import annotations

import collections
import logging
import os
import select
import socket
import typing

import win32file

log = logging.getLogger(__name__)


class Endpoint(typing.NamedTuple):
    name: str
    sock: socket.socket
    handle: int
    retries: int = 0


# functional forms, kept for the v1 wire-format code
Channel = collections.namedtuple("Channel", "label fd")
LogSink = collections.namedtuple("LogSink", ["label", "fd"])


def open_endpoint(name: str, host: str, port: int) -> Endpoint:
    s = socket.create_connection((host, port), timeout=5.0)
    return Endpoint(name, s, s.fileno())


def open_channel(label: str, address: tuple[str, int]) -> Channel:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect(address)
    return Channel(label=label, fd=s.fileno())


def open_log_sink(path: str) -> LogSink:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    return LogSink("file", fd)


def wait_writable(eps: list[Endpoint], timeout: float = 1.0) -> list[int]:
    # select() takes socket handles on Windows: fine
    _, ready, _ = select.select([], [ep.handle for ep in eps], [], timeout)
    return ready


def publish(sample: bytes, host: str = "collector.local") -> None:
    ep = open_endpoint("primary", host, 9100)
    sink = open_log_sink("relay.log")
    os.write(sink.fd, b"publishing %d bytes\n" % len(sample))
    if wait_writable([ep]):
        # the record's handle is the socket's fileno(): not a CRT descriptor
        os.write(ep.handle, sample)  # error: WSK201
    else:
        ep.sock.sendall(sample)
    ep.sock.close()


def publish_v1(payload: bytes, address: tuple[str, int]) -> None:
    ch = open_channel("legacy", address)
    log.debug("v1 publish on %s", ch.label)
    win32file.WriteFile(ch.fd, payload)  # error: WSK102


def rotate(sink: LogSink) -> None:
    os.fsync(sink.fd)
    os.close(sink.fd)


def replace(old: Endpoint, host: str, port: int) -> Endpoint:
    old.sock.close()
    fresh = open_endpoint(old.name, host, port)
    return fresh._replace(retries=old.retries + 1)
