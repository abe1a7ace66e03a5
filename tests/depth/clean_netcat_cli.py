#!/usr/bin/env python3
"""catsock -- copy between a TCP connection and files or standard streams.

``--raw`` avoids Python-level buffering.  A Windows SOCKET is not a C
runtime descriptor, so on Windows the socket side always uses
``recv_into``/``sendall``; only the file side uses os.read/os.write.
"""

import argparse
import os
import socket
import sys

BUFSIZE = 1 << 16


def copy_fd_to_socket(in_fd: int, sock: socket.socket, raw: bool) -> int:
    total = 0
    while True:
        chunk = os.read(in_fd, BUFSIZE)
        if not chunk:
            break
        if raw and sys.platform != "win32":
            view = memoryview(chunk)
            while view:
                n = os.write(sock.fileno(), view)
                view = view[n:]
        else:
            sock.sendall(chunk)
        total += len(chunk)
    return total


def copy_socket_to_fd(sock: socket.socket, out_fd: int, raw: bool) -> int:
    buf = bytearray(BUFSIZE)
    view = memoryview(buf)
    total = 0
    while True:
        if raw and os.name == "posix":
            n = os.readv(sock.fileno(), [buf])
        else:
            n = sock.recv_into(buf)
        if not n:
            break
        os.write(out_fd, view[:n])
        total += n
    return total


def open_output(path: str) -> int:
    if path == "-":
        fd = sys.stdout.fileno()
        if sys.platform == "win32":
            import msvcrt

            msvcrt.setmode(fd, os.O_BINARY)
        return fd
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, 0o644)


def open_input(path: str) -> int:
    if path == "-":
        return sys.stdin.fileno()
    return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))


def describe(path: str) -> str:
    sock = open(path, "rb")  # the old tool called every stream "sock"
    with sock:
        st = os.fstat(sock.fileno())
        return "%s: %d bytes, tty=%s" % (path, st.st_size, os.isatty(sock.fileno()))


def connect(args: argparse.Namespace) -> socket.socket:
    if args.listen:
        with socket.create_server(("", args.port)) as srv:
            conn, _ = srv.accept()
        return conn
    return socket.create_connection((args.host, args.port), timeout=args.timeout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="catsock")
    ap.add_argument("-l", "--listen", action="store_true")
    ap.add_argument("-w", "--timeout", type=float)
    ap.add_argument("-i", "--input", help="send this file ('-' for stdin)")
    ap.add_argument("-o", "--output", default="-", help="write received bytes here")
    ap.add_argument("--raw", action="store_true", help="unbuffered fast path")
    ap.add_argument("--describe", metavar="FILE")
    ap.add_argument("host", nargs="?", default="127.0.0.1")
    ap.add_argument("port", type=int)
    args = ap.parse_args(argv)

    if args.describe:
        print(describe(args.describe))
    sock = connect(args)
    with sock:
        if args.input:
            in_fd = open_input(args.input)
            sent = copy_fd_to_socket(in_fd, sock, args.raw)
            if in_fd != sys.stdin.fileno():
                os.close(in_fd)
            sock.shutdown(socket.SHUT_WR)
            print("catsock: sent %d bytes" % sent, file=sys.stderr)
        out_fd = open_output(args.output)
        try:
            got = copy_socket_to_fd(sock, out_fd, args.raw)
        finally:
            if out_fd != sys.stdout.fileno():
                os.close(out_fd)
    print("catsock: received %d bytes" % got, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
