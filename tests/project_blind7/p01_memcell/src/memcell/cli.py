"""``memcell`` command line tool."""
from __future__ import annotations

import argparse
import io
import os
import sys

from memcell import Client, __version__, connect
from memcell._compat import write_all
from memcell.protocol import ProtocolError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="memcell", description=__doc__)
    p.add_argument("--version", action="version", version=f"memcell {__version__}")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=11211)
    p.add_argument("--timeout", type=float, default=5.0)
    p.add_argument("--raw", action="store_true",
                   help="send stdin to the server unchanged and print the reply")
    p.add_argument("--max-reply", type=int, default=1 << 20)
    p.add_argument("command", nargs="?", choices=["get", "set", "delete", "stats"])
    p.add_argument("args", nargs="*")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.raw:
        conn = connect(args.host, args.port, timeout=args.timeout)
        try:
            request = sys.stdin.buffer.read()
            os.write(conn.sock.fileno(), request)  # error: WSK201
            reply = io.open(conn.sock.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
            write_all(sys.stdout.fileno(), reply.read(args.max_reply))
        finally:
            conn.close()
        return 0

    if args.command is None:
        build_parser().print_usage(sys.stderr)
        return 2
    try:
        with Client(args.host, args.port, timeout=args.timeout) as mc:
            if args.command == "get":
                for key in args.args:
                    value = mc.get(key)
                    print(key, "<miss>" if value is None else value.decode("utf-8", "replace"))
            elif args.command == "set":
                key, value = args.args
                print("STORED" if mc.set(key, value) else "NOT_STORED")
            elif args.command == "delete":
                for key in args.args:
                    print(key, "deleted" if mc.delete(key) else "not found")
            else:
                for name, value in sorted(mc.stats().items()):
                    print(f"{name:24} {value}")
    except (OSError, ProtocolError) as exc:
        print(f"memcell: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
