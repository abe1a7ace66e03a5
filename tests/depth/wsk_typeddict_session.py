"""Session table for the RDP-over-TCP tunnel broker.

Each accepted client becomes a Session dict; the broker hands sessions to the
protocol decoder, which was ported from the Linux daemon.
"""
from __future__ import annotations

import logging
import msvcrt
import os
import socket
import sys
from typing import NotRequired, TypedDict

log = logging.getLogger("broker.sessions")


class Session(TypedDict):
    peer: str
    sock: socket.socket
    fd: int
    log_fd: NotRequired[int]


SESSIONS: dict[str, Session] = {}


def admit(listener: socket.socket) -> Session:
    conn, addr = listener.accept()
    sess: Session = {"peer": f"{addr[0]}:{addr[1]}", "sock": conn, "fd": conn.fileno()}
    SESSIONS[sess["peer"]] = sess
    return sess


def admit_v2(listener: socket.socket) -> Session:
    conn, addr = listener.accept()
    return Session(peer=str(addr), sock=conn, fd=conn.fileno())


def attach_log(sess: Session, path: str) -> None:
    sess["log_fd"] = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)


def note(sess: Session, text: str) -> None:
    if "log_fd" in sess:
        os.write(sess["log_fd"], text.encode() + b"\n")


def crt_handle(sess: Session) -> int:
    # the decoder DLL wants an OS handle; the socket is typed in Session
    return msvcrt.get_osfhandle(sess["sock"].fileno())  # error: WSK204


def log_handle(sess: Session) -> int:
    return msvcrt.get_osfhandle(sess["log_fd"])


def serve(listener: socket.socket) -> None:
    while True:
        sess = admit(listener)
        attach_log(sess, f"{sess['peer'].replace(':', '_')}.log")
        note(sess, "admitted")
        stream = os.fdopen(sess["fd"], "rb", buffering=0)  # error: WSK203
        header = stream.read(16)
        note(sess, f"header {header!r}")
        if sys.platform != "win32":
            os.set_blocking(sess["fd"], False)
        sess["sock"].close()
        del SESSIONS[sess["peer"]]


def main() -> None:
    listener = socket.create_server(("0.0.0.0", 3390))
    log.info("broker listening on %s", listener.getsockname())
    serve(listener)
