"""Sockets through isinstance branches, *args, **kwargs dictionaries and library context managers."""
import ftplib
import os
import smtplib
import socket
import subprocess
from typing import Union

Streamish = Union[socket.socket, int]


def read_some(s: Streamish, n: int = 4096) -> bytes:
    fd = s.fileno() if isinstance(s, socket.socket) else s
    return os.read(fd, n)  # error: WSK201


def write_all(target: Streamish, data: bytes) -> None:
    if isinstance(target, socket.socket):
        handle = target.fileno()
    else:
        handle = target
    os.write(handle, data)  # error: WSK201


def spawn_with_streams(cmd, *streams):
    return subprocess.Popen(cmd, stdin=streams[0], stdout=streams[1])  # error: WSK301


def run_quiet(cmd, conn):
    opts = {"stdin": subprocess.DEVNULL, "stdout": conn}
    return subprocess.call(cmd, **opts)  # error: WSK301


def run_dict_call(cmd, conn):
    return subprocess.run(cmd, **dict(stderr=conn))  # error: WSK301


def serve(cmd):
    listener = socket.create_server(("", 7000))
    client, _ = listener.accept()
    spawn_with_streams(cmd, client, client)
    run_quiet(cmd, client)
    run_dict_call(cmd, client)


def check_ftp(host):
    with ftplib.FTP(host) as ftp:
        return os.get_blocking(ftp.sock.fileno())  # error: WSK205


def check_smtp(host):
    with smtplib.SMTP(host, 25) as smtp:
        return os.fstat(smtp.sock.fileno())  # error: WSK205
