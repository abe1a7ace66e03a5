"""Screen-sharing relay: viewers connect over TCP and get the encoder's output.

Each helper leaves early on platforms where its descriptor trick does not
apply.  Not every early exit is about Windows, and not every Windows test
leaves.
"""
import logging
import os
import socket
import sys

log = logging.getLogger("relay.viewers")


def make_child_inheritable(conn: socket.socket) -> None:
    if sys.platform.startswith(("win", "cygwin")):
        return conn.set_inheritable(True)
    os.set_inheritable(conn.fileno(), True)


def tune_listener(srv: socket.socket) -> None:
    if sys.platform == "darwin":
        return  # launchd hands us a listener that is already non-blocking
    os.set_blocking(srv.fileno(), False)  # error: WSK205


def mirror_to_console(conn: socket.socket) -> None:
    if os.name == "nt":
        log.warning("console mirroring is experimental on Windows")
    os.dup2(conn.fileno(), sys.stdout.fileno())  # error: WSK202


def splice_capture(conn: socket.socket, capture_path: str) -> None:
    try:
        if os.name == "nt":
            raise NotImplementedError("splice needs a POSIX kernel")
        out = os.open(capture_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            os.write(out, os.read(conn.fileno(), 65536))
        finally:
            os.close(out)
    except NotImplementedError:
        log.info("capture falls back to recv()")
    os.set_inheritable(conn.fileno(), False)  # error: WSK205


def close_viewer(conn: socket.socket, graceful: bool) -> None:
    if os.name == "nt" and graceful:
        conn.shutdown(socket.SHUT_RDWR)
        conn.close()
        return
    os.close(conn.detach())  # error: WSK205


def hand_to_encoder(conn):
    if sys.platform in ("win32", "cygwin"):
        raise NotImplementedError("the encoder reads viewers through the service")
    return os.dup(conn.fileno())


class Relay:
    def __init__(self, port: int) -> None:
        self.listener = socket.create_server(("0.0.0.0", port))
        tune_listener(self.listener)
        self.viewers: list = []

    def accept_one(self) -> None:
        conn, peer = self.listener.accept()
        log.info("viewer %s", peer)
        make_child_inheritable(conn)
        if "--mirror" in sys.argv:
            mirror_to_console(conn)
        self.viewers.append(hand_to_encoder(conn))
