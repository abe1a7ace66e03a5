"""Chat hub: a selectors-based line server whose heavy rooms move to worker
processes.  Sockets only meet socket methods, selectors and Winsock-aware
stdlib helpers; the raw os calls below all take real descriptors.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
import selectors
import signal
import socket
import sys

LOG_FD = 2
say = functools.partial(os.write, LOG_FD)


class Member:
    __slots__ = ("conn", "nick", "pending")

    def __init__(self, conn: socket.socket, nick: str) -> None:
        self.conn = conn
        self.nick = nick
        self.pending = bytearray()

    def flush(self) -> None:
        if self.pending:
            sent = self.conn.send(self.pending)
            del self.pending[:sent]


def room_worker(conn: socket.socket, room: str) -> None:
    """Runs in a child process; multiprocessing pickled the socket for us."""
    conn.sendall(f"* moved to worker for {room}\n".encode())
    while line := conn.recv(1024):
        conn.sendall(line)
    conn.close()


def adopt_inherited() -> socket.socket | None:
    if "HUB_SHARED" in os.environ:
        return socket.fromshare(bytes.fromhex(os.environ["HUB_SHARED"]))
    if "HUB_FD" in os.environ:
        fd = int(os.environ["HUB_FD"])
        return socket.socket(fileno=fd)
    return None


def serve(port: int) -> None:
    listener = adopt_inherited() or socket.create_server(("", port))
    listener.setblocking(False)
    listener.set_inheritable(False)
    say(b"hub: listener inheritable=%d\n" % listener.get_inheritable())
    if sys.platform == "win32":
        say(b"hub: handle inheritable=%d\n" % os.get_handle_inheritable(listener.fileno()))

    wake_r, wake_w = socket.socketpair()
    wake_w.setblocking(False)
    signal.set_wakeup_fd(wake_w.fileno())

    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ, data=None)
    sel.register(wake_r, selectors.EVENT_READ, data="wake")
    members: dict[int, Member] = {}
    log = (lambda text: os.write(LOG_FD, text.encode()))

    while True:
        for key, _ in sel.select(timeout=1.0):
            if key.data == "wake":
                wake_r.recv(64)
                log("hub: signal\n")
                return
            if key.data is None:
                conn, addr = listener.accept()
                conn.setblocking(False)
                members[conn.fileno()] = Member(conn, f"{addr[0]}:{addr[1]}")
                sel.register(conn, selectors.EVENT_READ, data="member")
                continue
            member = members[key.fd]
            data = member.conn.recv(4096)
            if not data:
                sel.unregister(member.conn)
                del members[key.fd]
                member.conn.close()
                continue
            if data.startswith(b"/room "):
                sel.unregister(member.conn)
                del members[key.fd]
                clone = member.conn.dup()
                member.conn.close()
                clone.setblocking(True)
                multiprocessing.Process(target=room_worker, args=(clone, data[6:].strip().decode())).start()
                continue
            for other in members.values():
                if other is not member:
                    other.pending += f"<{member.nick}> ".encode() + data
                    other.flush()


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 6667)
