"""Command-line entry point: ``python -m relay.cli serve|ping``."""

import argparse
import os
import sys

from relay import connect, listen


def serve(port):
    """Collector side: print every line the agents send."""
    srv = listen(port)
    # keep the listener open across the re-exec done by the self-updater
    os.set_inheritable(srv.fileno(), True)  # error: WSK205
    while True:
        conn, addr = srv.accept()
        print(f"agent connected from {addr[0]}", file=sys.stderr)
        with open(conn.fileno(), "rb", closefd=False) as stream:  # error: WSK203
            for line in stream:
                sys.stdout.write(line.decode("utf-8", "replace"))
        conn.close()


def ping(host):
    conn = connect(host)
    try:
        conn.sendall(b"PING\n")
        return conn.recv(64).strip() == b"PONG"
    finally:
        conn.close()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="relay")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_serve = sub.add_parser("serve")
    p_serve.add_argument("--port", type=int, default=7411)
    p_ping = sub.add_parser("ping")
    p_ping.add_argument("host")
    args = parser.parse_args(argv)
    if args.cmd == "serve":
        serve(args.port)
        return 0
    return 0 if ping(args.host) else 1


if __name__ == "__main__":
    sys.exit(main())
