"""Sockets through mixins, class attributes, lists of records, exit stacks and green threads."""
import contextlib
import os
import socket
import subprocess
from typing import NamedTuple

import gevent
import pytest
import trio
from gevent.pool import Pool
from tornado.tcpclient import TCPClient
from twisted.internet import threads


class ReconnectMixin:
    def _connect(self):
        self._sock = socket.create_connection(self.address)


class Shipper(ReconnectMixin):
    def __init__(self, address):
        self.address = address
        self._sock = None

    def flush(self, payload):
        self._connect()
        os.write(self._sock.fileno(), payload)  # error: WSK201


class Fallback:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    @classmethod
    def prepare(cls):
        os.set_inheritable(cls.sock.fileno(), False)  # error: WSK205


class Listener(NamedTuple):
    name: str
    sock: socket.socket


def hand_over(listeners: list[Listener]):
    for listener in listeners:
        os.dup(listener.sock.fileno())  # error: WSK202


@contextlib.contextmanager
def backend(address):
    with socket.create_connection(address) as sock:
        yield sock


def relay(address, data):
    with contextlib.ExitStack() as stack:
        conn = stack.enter_context(backend(address))
        os.writev(conn.fileno(), [data])  # error: WSK201


def pump(src):
    os.read(src.fileno(), 4096)  # error: WSK201


def closer(conn):
    os.close(conn.fileno())  # error: WSK205


def green(listener: socket.socket):
    pool = Pool(100)
    client, _ = listener.accept()
    pool.spawn(pump, client)
    gevent.spawn(closer, client)
    threads.deferToThread(closer, client)


async def analyzer(host, port):
    stream = await trio.open_tcp_stream(host, port)
    return subprocess.Popen(["tap"], stdout=stream.socket)  # error: WSK301


async def legacy(host, port):
    stream = await TCPClient().connect(host, port)
    return open(stream.socket.fileno(), "r+b", closefd=False)  # error: WSK203


def test_dup_on_every_platform_but_linux():
    import sys

    if sys.platform == "linux":
        pytest.skip("covered by the splice tests")
    a, b = socket.socketpair()
    os.dup(a.fileno())  # error: WSK202


class Launcher:
    def __init__(self, program):
        parent, child = socket.socketpair()
        self.proc = self.launch(program, child)

    @staticmethod
    def launch(program, sock):
        return subprocess.Popen(program, stdin=sock)  # error: WSK301
