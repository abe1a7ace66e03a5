"""Worker process: reads control messages on stdin."""
from __future__ import annotations

import argparse
import json
import socket
import sys


def serve(conn: socket.socket) -> None:
    with conn:
        for line in conn.makefile("rb"):
            conn.sendall(b"ok " + line)


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--name", required=True)
    args = p.parse_args(argv)
    for raw in sys.stdin.buffer:
        msg = json.loads(raw)
        if msg["op"] == "adopt":
            serve(socket.socket(fileno=msg["handle"]))
        elif msg["op"] == "fromshare":
            serve(socket.fromshare(bytes.fromhex(msg["data"])))
        elif msg["op"] == "log":
            print(f"{args.name}: log handle {msg['handle']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
