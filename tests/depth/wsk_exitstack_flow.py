"""Client and server side of a replication link: connection fallback,
resource management with ExitStack and a blocking accept loop."""
from __future__ import annotations

import contextlib
import os
import socket

REPLICAS = [("10.0.0.5", 7400), ("10.0.0.6", 7400)]


def connect_any(addrs):
    last_error = None
    for addr in addrs:
        try:
            s = socket.create_connection(addr, timeout=3)
        except OSError as exc:
            last_error = exc
            continue
        else:
            break
    else:
        raise ConnectionError("no replica reachable") from last_error
    return s


def replicate(snapshot_path: str) -> None:
    with contextlib.ExitStack() as stack:
        link = stack.enter_context(connect_any(REPLICAS))
        snap = stack.enter_context(open(snapshot_path, "rb"))
        stack.callback(print, "replication finished")
        size = os.fstat(snap.fileno()).st_size
        link.sendall(size.to_bytes(8, "big"))
        while block := snap.read(1 << 20):
            os.write(link.fileno(), block)  # error: WSK201


def probe(addr) -> bool:
    s = None
    try:
        s = socket.create_connection(addr, timeout=1)
    except OSError:
        return False
    else:
        s.sendall(b"PING\n")
        return s.recv(5) == b"PONG\n"
    finally:
        if s is not None:
            os.close(s.fileno())  # error: WSK205


def serve(port: int, stop_after: int = 100) -> None:
    srv = socket.create_server(("", port))
    served = 0
    while True:
        conn, peer = srv.accept()
        if peer[0] not in ("10.0.0.5", "10.0.0.6"):
            conn.close()
            continue
        with conn:
            header = os.read(conn.fileno(), 8)  # error: WSK201
            conn.sendall(header)
        served += 1
        if served >= stop_after:
            break
    srv.close()
    conn = open("replication.log", "ab")
    conn.write(b"served %d\n" % served)
    os.fsync(conn.fileno())
    conn.close()


if __name__ == "__main__":
    if all(probe(a) for a in REPLICAS):
        replicate(r"D:\snapshots\latest.bin")
    serve(7400)
