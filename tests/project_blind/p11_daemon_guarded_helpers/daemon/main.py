"""Daemon entry point."""

import argparse
import os
import socket

from daemon import posixio

try:
    from daemon import unixonly
except ImportError:
    unixonly = None


def inetd_mode(conn):
    posixio.bind_stdio(conn)
    os.execvp("site-shell", ["site-shell"])


def run(host, port, upgrade=False):
    conn = socket.create_connection((host, port), timeout=30)
    posixio.make_nonblocking(conn.fileno())
    posixio.push(conn.fileno(), b"HELLO\n")  # error: WSK102
    posixio.mark_inheritable(conn.fileno())  # error: WSK205
    if os.name == "posix":
        posixio.send_raw(conn.fileno(), b"CAPS fd-passing\n")
    if upgrade and unixonly is not None:
        unixonly.reexec_with(conn)
    conn.sendall(b"READY\n")
    reply = conn.recv(64)
    if reply.startswith(b"BYE"):
        posixio.send_raw(conn.fileno(), b"BYE\n")  # error: WSK201
        conn.close()
    return reply


def main(argv=None):
    parser = argparse.ArgumentParser(prog="site-daemon")
    parser.add_argument("--hub", default="hub.example.net:9400")
    parser.add_argument("--inetd", action="store_true")
    parser.add_argument("--upgrade", action="store_true")
    args = parser.parse_args(argv)
    if args.inetd:
        listener = socket.create_server(("", 9401))
        conn, _ = listener.accept()
        inetd_mode(conn)
    host, _, port = args.hub.partition(":")
    run(host, int(port), upgrade=args.upgrade)
    return 0
