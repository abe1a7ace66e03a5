"""Worker pool for the build-farm agent.

Every worker owns a control connection to the coordinator; peers are build
agents on the same machine that take over a connection when a worker restarts.
"""
from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys

import _winapi
import attrs


@dataclasses.dataclass
class Worker:
    name: str
    conn: socket.socket
    argv: list[str] = dataclasses.field(default_factory=list)
    log_path: str = "worker.log"


@attrs.define
class Peer:
    pid: int
    sock: socket.socket = attrs.field(repr=False)
    handle: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.handle = self.sock.fileno()


@attrs.define
class Artifact:
    path: str
    fh: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.fh = _winapi.CreateFile(self.path, _winapi.GENERIC_READ, 0, 0,
                                     _winapi.OPEN_EXISTING, 0, 0)


def launch(w: Worker) -> subprocess.Popen:
    log = open(w.log_path, "ab")
    # child output is streamed straight back to the coordinator
    return subprocess.Popen(w.argv, stdout=w.conn, stderr=log)  # error: WSK301


def launch_piped(w: Worker) -> subprocess.Popen:
    proc = subprocess.Popen(w.argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc


def pin_to_stdin(w: Worker) -> None:
    if sys.platform == "win32":
        raise NotImplementedError("use launch() on Windows")
    os.dup2(w.conn.fileno(), 0)


def hand_over(peer: Peer) -> int:
    src = _winapi.GetCurrentProcess()
    target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, peer.pid)
    try:
        return _winapi.DuplicateHandle(src, peer.handle, target, 0, False,  # error: WSK103
                                       _winapi.DUPLICATE_SAME_ACCESS)
    finally:
        _winapi.CloseHandle(target)


def share_artifact(art: Artifact, pid: int) -> int:
    src = _winapi.GetCurrentProcess()
    target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, pid)
    return _winapi.DuplicateHandle(src, art.fh, target, 0, False, _winapi.DUPLICATE_SAME_ACCESS)


def restart(w: Worker, successor_pid: int) -> None:
    peer = Peer(successor_pid, w.conn)
    hand_over(peer)
    w.conn.close()
