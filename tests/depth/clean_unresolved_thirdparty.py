"""Glue to vendor transports whose types this module cannot see. Names
such as sock, conn and .socket are kept from the vendor documentation;
nothing here is known to be a socket."""
from __future__ import annotations

import os
import socket
import subprocess
from typing import Any

import acme_rpc
from acme_rpc.transport import Socket as AcmeSocket
from acme_rpc.transport import dial, open_channel
from vendor_ipc import connect_pipe


class Recorder:
    """Writes a capture file; self.socket is the vendor's name for the sink."""

    def __init__(self, path: str) -> None:
        self.host = socket.gethostname()
        self.socket = open(path, "ab")

    def record(self, data: bytes) -> None:
        os.write(self.socket.fileno(), data)

    def rotate(self) -> None:
        os.fsync(self.socket.fileno())
        os.ftruncate(self.socket.fileno(), 0)


def push(sock: AcmeSocket, payload: bytes) -> None:
    os.write(sock.fileno(), payload)


def pull(conn: "acme_rpc.Connection", n: int) -> bytes:
    return os.read(conn.fileno(), n)


def relay(host: str) -> None:
    sock = dial(host, 7000)
    os.set_blocking(sock.fileno(), False)
    chan = open_channel(sock, "logs")
    with os.fdopen(chan.fileno(), "rb", closefd=False) as f:
        print(f.read(64))
    client = acme_rpc.Client(host)
    os.close(client.sock.fileno())


def run_helper(target: Any) -> int:
    pipe_sock = connect_pipe(r"\\.\pipe\vendor")
    proc = subprocess.Popen(["vendor-helper.exe"], stdin=pipe_sock, stdout=target)
    return proc.wait()


def main() -> None:
    rec = Recorder("capture.bin")
    rec.record(b"start")
    push(dial("a.internal", 1), b"x")
    print(pull(acme_rpc.connect("b.internal"), 4))
    relay("c.internal")
    run_helper(acme_rpc.sink())
    rec.rotate()


if __name__ == "__main__":
    main()
