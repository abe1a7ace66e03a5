"""Command line entry point: ``connreg schemes`` / ``connreg follow`` / ``connreg stdin``."""
from __future__ import annotations

import argparse
import subprocess
import sys

from . import factories  # noqa: F401
from .registry import lookup, schemes
from .relay import MetricRelay


def _add_target(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheme", default="tcp")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2003)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="connreg")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("schemes", help="list registered schemes")
    follow = sub.add_parser("follow", help="stream a growing log file upstream")
    follow.add_argument("path")
    _add_target(follow)
    stdin = sub.add_parser("stdin", help="relay metric lines read from stdin")
    _add_target(stdin)
    args = parser.parse_args(argv)

    if args.cmd == "schemes":
        for name in schemes():
            print(name)
        return 0

    if args.cmd == "follow":
        conn = lookup(args.scheme)(args.host, args.port)
        with conn:
            # the follower child writes straight into the connection
            proc = subprocess.run([sys.executable, "-m", "connreg.follow", args.path], stdout=conn, check=False)  # error: WSK301
        return proc.returncode

    relay = MetricRelay(args.scheme, args.host, args.port)
    try:
        for line in sys.stdin:
            relay.add(line.rstrip("\n"))
    finally:
        relay.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
