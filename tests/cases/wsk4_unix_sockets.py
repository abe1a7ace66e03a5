"""A supervisor's control channel over AF_UNIX sockets (which no Windows CPython has: the code
that holds one runs on POSIX), beside its TCP sockets and sockets of a family chosen at run
time, whose descriptor calls are bugs on Windows. A Win32 call is wrong for any family."""
import os
import socket
import subprocess

import win32file

CONTROL_PATH = "/run/supervisor.sock"
FAMILY = socket.AF_UNIX if hasattr(socket, "AF_UNIX") else socket.AF_INET


def send_fd(channel: socket.socket, data: bytes) -> None:
    os.write(channel.fileno(), data)  # error: WSK201


def relay(chan, data):  # given AF_UNIX sockets only
    os.write(chan.fileno(), data)


def relay_any(chan, data):  # given an AF_UNIX socket and a TCP one
    os.write(chan.fileno(), data)  # error: WSK201


def control_server() -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(CONTROL_PATH)
    listener.listen()
    conn, _ = listener.accept()
    os.set_inheritable(conn.fileno(), True)
    subprocess.Popen(["worker"], stdin=conn, stdout=conn)
    send_fd(conn, b"hello")
    relay(conn, b"hello")
    relay_any(conn, b"hello")
    peers = [conn, conn.dup()]
    for peer in peers:
        os.close(peer.detach())
    win32file.WriteFile(conn.fileno(), b"x")  # error: WSK102


def tcp_server() -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("", 9000))
    listener.listen()
    conn, _ = listener.accept()
    os.set_inheritable(conn.fileno(), True)  # error: WSK205
    subprocess.Popen(["worker"], stdin=conn)  # error: WSK301
    send_fd(conn, b"hello")
    relay_any(conn, b"hello")


def either_family() -> None:
    sock = socket.socket(FAMILY, socket.SOCK_STREAM)
    os.set_blocking(sock.fileno(), False)  # error: WSK205
    left, right = socket.socketpair(socket.AF_UNIX)
    os.write(left.fileno(), b"ping")
    a, b = socket.socketpair()  # AF_UNIX where it exists, else AF_INET: Windows has this one
    os.write(a.fileno(), b"ping")  # error: WSK201
