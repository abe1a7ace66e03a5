"""Accept pipeline for a metrics gateway built from generators."""
from __future__ import annotations

import itertools
import os
import socket


def accepted(listener):
    while True:
        try:
            conn, _addr = listener.accept()
        except OSError:
            return
        yield conn


def handles(conns):
    for conn in conns:
        yield conn.fileno()


def from_all(listeners):
    for listener in listeners:
        yield from handles(itertools.islice(accepted(listener), 8))


def greet_first(listener) -> None:
    for h in handles(accepted(listener)):
        os.write(h, b"metrics-gw 1.0\n")  # error: WSK201
        break


def stat_all(listeners) -> list[int]:
    sizes = []
    for h in from_all(listeners):
        info = os.fstat(h)  # error: WSK205
        sizes.append(info.st_size)
    return sizes


def main() -> None:
    v4 = socket.create_server(("0.0.0.0", 9100))
    v6 = socket.create_server(("::", 9100), family=socket.AF_INET6)
    greet_first(v4)
    print(stat_all([v4, v6]))
    pool = [socket.create_connection(("upstream.internal", 9100)) for _ in range(4)]
    for fd in (c.fileno() for c in pool):
        os.writev(fd, [b"HELLO ", b"gw\n"])  # error: WSK201


if __name__ == "__main__":
    main()
