"""Look-alikes of containers of sockets: what goes in is not (only) sockets."""
import os
import selectors
import socket
import sys
from typing import Dict


class Files:
    def __init__(self) -> None:
        self.socks = {}  # named like sockets, holds files

    def add(self, name: str, path: str) -> None:
        self.socks[name] = open(path, "rb")

    def sizes(self):
        return [os.fstat(f.fileno()).st_size for f in self.socks.values()]


def mixed():
    conns = []
    conns.append(socket.socket())
    conns.append(sys.stdin)  # not a socket: the list is evidence no more
    for conn in conns:
        os.fstat(conn.fileno())


def keys_are_numbers(table: Dict[int, socket.socket]):
    for fd in table:
        os.close(fd)


def values_later_spoiled():
    by_name = {}
    by_name["a"] = socket.socket()
    for conn in by_name.values():
        os.fstat(conn.fileno())
    by_name["b"] = open("log.txt")


def pipes_in_a_selector():
    r, w = os.pipe()
    sel = selectors.DefaultSelector()
    sel.register(r, selectors.EVENT_READ)
    for key, _ in sel.select():
        os.read(key.fd, 10)


def winsock_calls():
    sel = selectors.DefaultSelector()
    sel.register(socket.socket(), selectors.EVENT_READ)
    for key, _ in sel.select():
        key.fileobj.recv(10)
