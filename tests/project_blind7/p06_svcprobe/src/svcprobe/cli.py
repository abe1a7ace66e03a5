"""``svcprobe echo`` runs the echo server; ``svcprobe ping`` talks to one."""
from __future__ import annotations

import argparse
import sys
import time

from . import __version__
from ._compat import WINDOWS
from .harness import EchoServer
from .net import connected


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="svcprobe")
    p.add_argument("--version", action="version", version=__version__)
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("echo")
    e.add_argument("--port", type=int, default=0)
    e.add_argument("--win32-raw", action="store_true")
    g = sub.add_parser("ping")
    g.add_argument("host")
    g.add_argument("port", type=int)
    args = p.parse_args(argv)

    if args.cmd == "echo":
        if args.win32_raw and not WINDOWS:
            p.error("--win32-raw needs Windows")
        with EchoServer(port=args.port, win32_raw=args.win32_raw) as srv:
            print(f"listening on {srv.address[0]}:{srv.address[1]}", flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
    with connected((args.host, args.port)) as s:
        start = time.perf_counter()
        s.sendall(b"ping\n")
        reply = s.recv(64)
        print(f"{reply!r} in {1000 * (time.perf_counter() - start):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
