"""tallyho command line."""
from __future__ import annotations

import argparse
import subprocess
import sys
import time

from tallyho import Aggregator, StatsClient, __version__


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="tallyho")
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8125)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("send")
    s.add_argument("--raw", action="store_true", help="send stdin lines as datagrams")
    s.add_argument("metric", nargs="?")
    t = sub.add_parser("time")
    t.add_argument("name")
    t.add_argument("command", nargs=argparse.REMAINDER)
    a = sub.add_parser("aggregate")
    a.add_argument("--workers", type=int, default=2)
    args = p.parse_args(argv)

    if args.cmd == "aggregate":
        agg = Aggregator(args.host, args.port)
        agg.spawn_workers(args.workers)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0
        finally:
            agg.close()

    client = StatsClient(args.host, args.port)
    try:
        if args.cmd == "send":
            if args.raw:
                for line in sys.stdin.buffer:
                    client.transport.send(line.rstrip(b"\r\n"))
            elif args.metric:
                client.transport.send(args.metric.encode("utf-8"))
            return 0
        with client.timer(args.name):
            return subprocess.run(args.command, stdout=subprocess.DEVNULL).returncode
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main())
