#!/usr/bin/env python3
"""pync -- a small netcat work-alike.

    pync host port            connect and relay stdin/stdout
    pync -l port              listen for one connection
    pync --raw ...            skip Python's buffering (os.read / os.write)
"""

import argparse
import os
import shutil
import socket
import sys
import threading

BUFSIZE = 64 * 1024


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="pync", description="netcat-like relay")
    p.add_argument("-l", "--listen", action="store_true", help="listen instead of connecting")
    p.add_argument("-w", "--timeout", type=float, default=None, metavar="SECS")
    p.add_argument("-o", "--output", metavar="FILE", help="save received bytes to FILE and exit")
    p.add_argument("--raw", action="store_true", help="fast path: move bytes with os.read/os.write")
    p.add_argument("host", nargs="?")
    p.add_argument("port", type=int)
    args = p.parse_args(argv)
    if not args.listen and not args.host:
        p.error("a host is required unless --listen is given")
    return args


def open_connection(args: argparse.Namespace) -> socket.socket:
    if args.listen:
        with socket.create_server(("", args.port)) as srv:
            conn, addr = srv.accept()
        print("pync: connection from %s:%d" % addr[:2], file=sys.stderr)
        return conn
    return socket.create_connection((args.host, args.port), timeout=args.timeout)


def stdin_to_socket(sock: socket.socket, raw: bool) -> None:
    stdin_fd = sys.stdin.fileno()
    while True:
        if raw:
            chunk = os.read(stdin_fd, BUFSIZE)
        else:
            chunk = sys.stdin.buffer.read1(BUFSIZE)
        if not chunk:
            break
        if raw:
            os.write(sock.fileno(), chunk)  # error: WSK201
        else:
            sock.sendall(chunk)
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def socket_to_stdout(sock: socket.socket, raw: bool) -> None:
    stdout_fd = sys.stdout.fileno()
    while True:
        if raw:
            data = os.read(sock.fileno(), BUFSIZE)  # error: WSK201
        else:
            data = sock.recv(BUFSIZE)
        if not data:
            break
        if raw:
            os.write(stdout_fd, data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()


def save_to_file(sock: socket.socket, path: str, raw: bool) -> int:
    if raw:
        with open(sock.fileno(), "rb", buffering=0, closefd=False) as src:  # error: WSK203
            with open(path, "wb") as dst:
                shutil.copyfileobj(src, dst, BUFSIZE)
                return dst.tell()
    total = 0
    with open(path, "wb") as dst:
        while data := sock.recv(BUFSIZE):
            dst.write(data)
            total += len(data)
    return total


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        sock = open_connection(args)
    except OSError as exc:
        print("pync: %s" % exc, file=sys.stderr)
        return 1
    with sock:
        if args.output:
            n = save_to_file(sock, args.output, args.raw)
            print("pync: %d bytes saved to %s" % (n, args.output), file=sys.stderr)
            return 0
        t = threading.Thread(target=stdin_to_socket, args=(sock, args.raw), daemon=True)
        t.start()
        socket_to_stdout(sock, args.raw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
