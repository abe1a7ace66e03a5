"""rshell command line."""
from __future__ import annotations

import argparse
import subprocess
import sys

from rshell import __version__, open_session
from rshell.server import ShellServer
from rshell.utils import join_command


def cmd_serve(args) -> int:
    secret = open(args.secret_file, "rb").read().strip()
    with ShellServer((args.bind, args.port), secret, console_mode=args.console) as server:
        server.serve_forever()
    return 0


def cmd_run(args) -> int:
    secret = open(args.secret_file, "rb").read().strip()
    sess = open_session(args.host, args.port, secret=secret, user=args.user)
    try:
        sess.send_line(join_command(args.command))
        if args.raw:
            # --raw: hand the remote output straight to a local program.
            return subprocess.call(args.pipe_to, shell=True, stdin=sess.sock)  # error: WSK301
        with sess.sock.makefile("rb") as reply:
            for line in reply:
                sys.stdout.buffer.write(line)
        return 0
    finally:
        sess.close()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="rshell")
    p.add_argument("--version", action="version", version=__version__)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--bind", default="0.0.0.0")
    s.add_argument("--port", type=int, default=7322)
    s.add_argument("--secret-file", required=True)
    s.add_argument("--console", action="store_true")
    s.set_defaults(func=cmd_serve)
    r = sub.add_parser("run")
    r.add_argument("--host", required=True)
    r.add_argument("--port", type=int, default=7322)
    r.add_argument("--user")
    r.add_argument("--secret-file", required=True)
    r.add_argument("--raw", action="store_true")
    r.add_argument("--pipe-to", default="more")
    r.add_argument("command", nargs=argparse.REMAINDER)
    r.set_defaults(func=cmd_run)
    args = p.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
