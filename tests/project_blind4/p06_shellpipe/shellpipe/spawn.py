"""Start commands whose standard streams talk to an operator."""
from __future__ import annotations

import _winapi
import os
import socket
import subprocess
import threading

from . import compat


def attach(conn, argv):
    """Run ``argv`` with stdin/stdout bound directly to ``conn``."""
    return subprocess.Popen(argv, stdin=conn, stdout=conn, stderr=subprocess.STDOUT)


def attach_relayed(conn: socket.socket, argv):
    """Portable variant: relay through pipes with two pump threads."""
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def pump_in() -> None:
        while chunk := conn.recv(4096):
            proc.stdin.write(chunk)
            proc.stdin.flush()
        proc.stdin.close()

    def pump_out() -> None:
        while chunk := proc.stdout.read1(4096):
            conn.sendall(chunk)

    threading.Thread(target=pump_in, daemon=True).start()
    threading.Thread(target=pump_out, daemon=True).start()
    return proc


def report_to(host: str, port: int, argv: list[str]) -> int:
    """Run ``argv`` and stream its output to the collector at host:port."""
    conn = socket.create_connection((host, port))
    with conn:
        result = subprocess.run(argv, stdout=conn.fileno(), stderr=subprocess.DEVNULL, check=False)  # error: WSK301
    return result.returncode


def give_to_child(sock: socket.socket, child_pid: int) -> int:
    """Duplicate the connection into a helper process started with CREATE_SUSPENDED."""
    if compat.is_posix():
        raise NotImplementedError("on POSIX use send_over_unix()")
    proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, child_pid)
    try:
        return _winapi.DuplicateHandle(  # error: WSK103
            _winapi.GetCurrentProcess(),
            sock.fileno(),
            proc,
            0,
            False,
            _winapi.DUPLICATE_SAME_ACCESS,
        )
    finally:
        _winapi.CloseHandle(proc)


def send_over_unix(chan: socket.socket, sock: socket.socket) -> None:
    """Pass the connection to a sibling process over an AF_UNIX channel."""
    if not compat.is_posix():
        raise OSError("descriptor passing needs SCM_RIGHTS")
    fd = os.dup(sock.fileno())
    try:
        socket.send_fds(chan, [b"conn"], [fd])
    finally:
        os.close(fd)
