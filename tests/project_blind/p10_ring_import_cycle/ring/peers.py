"""The peer table; imports ``node`` back for the Node class."""

import os
import socket

from . import node

_table = {}


def join(addr):
    n = node.Node(addr)
    _table[addr] = n
    return n


def active():
    return list(_table.values())


def forget(addr):
    _table.pop(addr, None)


def announce(addr, name):
    n = join(addr)
    os.write(n.sock.fileno(), b"HELLO " + name.encode() + b"\n")  # error: WSK201
    return n


def quiesce(n):
    os.set_blocking(n.sock.fileno(), True)


def retry(addr, tries):
    try:
        return socket.create_connection(addr, timeout=3.0)
    except OSError:
        return node.dial_retry(addr, tries)
