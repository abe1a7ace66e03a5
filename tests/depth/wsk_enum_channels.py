"""Channel table for the SCADA historian uplink.

The uplink opens a TLS control channel and a plain data channel and keeps
their handles in a table keyed by channel kind.
"""
from __future__ import annotations

import enum
import os
import socket
import ssl
import subprocess
import sys


class Stream(enum.Enum):
    CONTROL = "control"
    DATA = "data"
    LOG = "log"


def open_streams(host: str) -> dict[Stream, int]:
    ctx = ssl.create_default_context()
    ctrl = ctx.wrap_socket(socket.create_connection((host, 7001)), server_hostname=host)
    data = socket.create_connection((host, 7002))
    handles = {Stream.CONTROL: ctrl.fileno(), Stream.DATA: data.fileno()}
    handles[Stream.LOG] = os.open("uplink.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    return handles


def redirect_stdout(handles: dict[Stream, int]) -> None:
    os.write(handles[Stream.LOG], b"redirecting stdout to data channel\n")
    os.dup2(handles[Stream.DATA], 1)  # error: WSK202


def inheritable_table(ctrl: ssl.SSLSocket, data: socket.socket) -> list[tuple[str, int]]:
    return [("control", ctrl.fileno()), ("data", data.fileno())]


def prepare_child(table: list[tuple[str, int]]) -> None:
    for name, fd in table:
        os.set_inheritable(fd, True)  # error: WSK205


def send_banner(conn: socket.socket) -> None:
    args = (conn.fileno(), b"HISTORIAN READY\r\n")
    os.write(*args)  # error: WSK201


def spawn_exporter(ctrl: ssl.SSLSocket, data: socket.socket) -> subprocess.Popen:
    table = inheritable_table(ctrl, data)
    prepare_child(table)
    env = dict(os.environ, UPLINK_FDS=",".join(f"{n}={fd}" for n, fd in table))
    return subprocess.Popen([sys.executable, "-m", "exporter"], env=env, close_fds=False)


def main(host: str) -> None:
    handles = open_streams(host)
    if "--stdout" in sys.argv:
        redirect_stdout(handles)
    os.fsync(handles[Stream.LOG])
    os.close(handles[Stream.LOG])
