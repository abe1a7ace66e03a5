"""Parent/child plumbing for the ``kiln`` build sandbox.

This module used to speak TCP to the sandbox, so the variables are still
called ``sock``/``conn``.  Everything here is a pipe now: anonymous CRT
pipes, ``_winapi`` pipes, one named pipe, and multiprocessing pipes.
"""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys

import _winapi
import win32file
import win32pipe

PIPE_NAME = r"\\.\pipe\kiln-sandbox"


def pipe_pair() -> tuple[int, int]:
    sock_r, sock_w = os.pipe()
    os.set_inheritable(sock_r, True)
    return sock_r, sock_w


def run_child(argv: list[str]) -> int:
    sock_r, sock_w = pipe_pair()
    proc = subprocess.Popen(argv, stdin=sock_r, close_fds=False)
    os.close(sock_r)
    with os.fdopen(sock_w, "wb") as conn:
        conn.write(b"go\n")
    return proc.wait()


def copy_stream(sock: int, out_path: str) -> int:
    total = 0
    with open(out_path, "wb") as out:
        while chunk := os.read(sock, 65536):
            out.write(chunk)
            total += len(chunk)
    os.close(sock)
    return total


class PipeChannel:
    """Duplex channel built from two anonymous Win32 pipes."""

    def __init__(self) -> None:
        self.sock, self.peer = _winapi.CreatePipe(None, 0)

    def send(self, data: bytes) -> int:
        written, err = _winapi.WriteFile(self.peer, data)
        return written

    def recv(self, n: int = 4096) -> bytes:
        data, err = _winapi.ReadFile(self.sock, n)
        return data

    def clone_for(self, pid: int) -> int:
        target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, pid)
        try:
            return _winapi.DuplicateHandle(
                _winapi.GetCurrentProcess(),
                self.sock,
                target,
                0,
                False,
                _winapi.DUPLICATE_SAME_ACCESS,
            )
        finally:
            _winapi.CloseHandle(target)

    def close(self) -> None:
        _winapi.CloseHandle(self.sock)
        _winapi.CloseHandle(self.peer)


def named_pipe_server() -> bytes:
    sock = win32pipe.CreateNamedPipe(
        PIPE_NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
        1,
        65536,
        65536,
        0,
        None,
    )
    try:
        win32pipe.ConnectNamedPipe(sock, None)
        hr, request = win32file.ReadFile(sock, 4096)
        win32file.WriteFile(sock, b"ack:" + bytes(request))
        return bytes(request)
    finally:
        win32file.CloseHandle(sock)


def _echo(conn) -> None:
    conn.send_bytes(conn.recv_bytes())
    conn.close()


def mp_roundtrip(payload: bytes) -> bytes:
    conn, child_conn = multiprocessing.Pipe()
    p = multiprocessing.Process(target=_echo, args=(child_conn,))
    p.start()
    conn.send_bytes(payload)
    reply = conn.recv_bytes()
    p.join()
    return reply


def silence_stdout() -> int:
    conn = sys.stdout.fileno()
    saved = os.dup(conn)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, conn)
    os.close(devnull)
    return saved
