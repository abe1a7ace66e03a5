"""Selector-driven line server for the lab instrument multiplexer.

Instruments connect over TCP; a local pipe (registered as an int) carries
commands from the GUI thread.
"""
import os
import selectors
import socket
import sys

sel = selectors.DefaultSelector()
clients: list[socket.socket] = []


def accept(listener: socket.socket, mask) -> None:
    conn, _ = listener.accept()
    conn.setblocking(False)
    clients.append(conn)
    sel.register(conn, selectors.EVENT_READ, data=b"")


def service(key: selectors.SelectorKey, mask) -> None:
    obj = key.fileobj
    if isinstance(obj, socket.socket):
        data = os.read(obj.fileno(), 4096)  # error: WSK201
        if not data:
            shutdown(obj)
            return
    else:
        data = os.read(obj, 4096)
    for c in clients:
        c.send(data)


def shutdown(target) -> None:
    match target:
        case socket.socket() as s:
            sel.unregister(s)
            clients.remove(s)
            os.close(s.detach())  # error: WSK205
        case int(fd):
            sel.unregister(fd)
            os.close(fd)
        case _:
            target.close()


def all_nonblocking(conns: list[socket.socket]) -> bool:
    return all(not os.get_blocking(c.fileno()) for c in conns)  # error: WSK205


def command_pipe() -> int:
    r, w = os.pipe()
    os.set_blocking(r, False)
    sel.register(r, selectors.EVENT_READ)
    return w


def run(port: int = 5025) -> None:
    listener = socket.create_server(("0.0.0.0", port))
    listener.setblocking(False)
    if sys.platform != "win32":
        os.set_inheritable(listener.fileno(), False)
    sel.register(listener, selectors.EVENT_READ, data=None)
    command_pipe()
    while True:
        for key, mask in sel.select(timeout=1.0):
            if key.data is None:
                accept(key.fileobj, mask)
            else:
                service(key, mask)
        if clients and not all_nonblocking(clients):
            print("warning: a blocking client slipped in", file=sys.stderr)
