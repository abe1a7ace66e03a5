"""Transport multiplexer for the build agent: named pipes, files and sockets.

The lists are called ``socks`` for historical reasons; what they hold is decided
by the code, not by the name, and only real sockets go to Winsock.
"""
import msvcrt
import os
import select
import socket
import sys

import pywintypes
import win32file
import win32pipe

PIPE = r"\\.\pipe\agent-{}"


def open_pipes(n):
    for i in range(n):
        win32pipe.CreateNamedPipe(PIPE.format(i), 3, 0, 1, 65536, 65536, 0, None)
    return [open(PIPE.format(i), "r+b", buffering=0) for i in range(n)]


def flush_pipes(data: bytes):
    socks = open_pipes(4)
    for sock in socks:
        win32file.WriteFile(msvcrt.get_osfhandle(sock.fileno()), data)


def flush_mixed(data: bytes, log_path: str):
    upstream = socket.create_connection(("build-master", 9000))
    log = open(log_path, "ab")
    targets = [upstream, log]
    for target in targets:
        win32file.WriteFile(msvcrt.get_osfhandle(target.fileno()), data)


def flush_registered(data: bytes, extra_pipe):
    socks = [socket.socket(), socket.socket()]
    socks.append(extra_pipe)
    for sock in socks:
        win32file.WriteFile(sock.fileno(), data)


def flush_aliased(data: bytes, log):
    socks = [socket.socket()]
    outputs = socks
    outputs[0] = log
    for sock in socks:
        win32file.WriteFile(sock.fileno(), data)


def flush_extended(data: bytes, files):
    handles = [s.fileno() for s in [socket.socket(), socket.socket()]]
    handles += [msvcrt.get_osfhandle(f.fileno()) for f in files]
    for h in handles:
        win32file.WriteFile(h, data)


def flush_rebound(data: bytes):
    socks = [socket.socket() for _ in range(2)]
    for sock in socks:
        sock.close()
    socks = open_pipes(2)
    for sock in socks:
        win32file.WriteFile(msvcrt.get_osfhandle(sock.fileno()), data)


def wait_pipes(pipes, timeout):
    readable, _, _ = select.select(pipes, [], [], timeout)
    for sock in readable:
        win32file.ReadFile(sock.fileno(), 4096)


def write_any(targets: list, data: bytes):
    for target in targets:
        if isinstance(target, socket.socket):
            target.sendall(data)
        else:
            win32file.WriteFile(target.fileno(), data)


def write_non_sockets(targets: list[socket.socket | int], data: bytes):
    for target in targets:
        if not isinstance(target, socket.socket):
            win32file.WriteFile(target, data)


def send_overlapped(socks: list[socket.socket], data: bytes):
    for sock in socks:
        ov = pywintypes.OVERLAPPED()
        win32file.WSASend(sock, data, ov, 0)
        win32file.GetOverlappedResult(sock.fileno(), ov, True)


def relay_posix(socks: list[socket.socket], data: bytes):
    if sys.platform == "win32":
        for sock in socks:
            sock.sendall(data)
        return
    readable, _, _ = select.select(socks, [], [])
    for sock in readable:
        os.write(sock.fileno(), data)


def relay_by_index(pipes, data: bytes):
    socks = [socket.socket()]
    socks.insert(0, pipes[0])
    win32file.WriteFile(socks[0].fileno(), data)


WATCHED = [socket.socket()]


def flush_watched(data: bytes):
    for sock in WATCHED:
        win32file.WriteFile(sock.fileno(), data)


def watch(pipe):
    WATCHED.append(pipe)


class Channels:
    socks: list  # (what goes in is not known: an annotation promising sockets would be believed)

    def add(self, handle):
        self.socks.append(handle)

    def flush(self, data: bytes):
        for sock in self.socks:
            win32file.WriteFile(sock.fileno(), data)
