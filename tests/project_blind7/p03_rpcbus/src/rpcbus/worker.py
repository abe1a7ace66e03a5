"""Prefork worker: ``python -m rpcbus.worker --fd N``."""
from __future__ import annotations

import argparse
import importlib
import socket

from .server import Server
from .transports.tcp import TcpTransport


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--fd", type=int, required=True)
    p.add_argument("--app", default="rpcbus_app:server")
    args = p.parse_args(argv)
    module, _, attr = args.app.partition(":")
    app: Server = getattr(importlib.import_module(module), attr)
    listener = socket.socket(fileno=args.fd)
    while True:
        conn, _ = listener.accept()
        app.serve_transport(TcpTransport(conn))


if __name__ == "__main__":
    raise SystemExit(main())
