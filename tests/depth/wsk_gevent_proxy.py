"""Green TCP proxy for the staging cluster (gevent).

Listens on several ports and splices each client to the route's upstream.
On Linux the bytes never enter Python (os.splice through a pipe).
"""
from gevent import monkey

monkey.patch_all()

import logging
import os
import sys
import time

import gevent
from gevent import socket as gsocket
from gevent.pool import Pool

log = logging.getLogger("greenproxy")

ROUTES = {
    8080: ("10.20.0.11", 80),
    8443: ("10.20.0.11", 443),
    5433: ("10.20.0.40", 5432),
}
BUFSIZE = 32 * 1024
pool = Pool(1000)
open_conns = {}


def _splice_pump(src, dst, counters, key):
    r, w = os.pipe()
    try:
        while n := os.splice(src.fileno(), w, BUFSIZE):
            counters[key] += n
            os.splice(r, dst.fileno(), n)
    finally:
        os.close(r)
        os.close(w)


def pump(src, dst, counters, key):
    if sys.platform == "linux" and hasattr(os, "splice"):
        return _splice_pump(src, dst, counters, key)
    try:
        while True:
            data = os.read(src.fileno(), BUFSIZE)  # error: WSK201
            if not data:
                break
            counters[key] += len(data)
            os.write(dst.fileno(), data)  # error: WSK201
    except OSError as exc:
        log.debug("pump %s stopped: %s", key, exc)
    finally:
        try:
            dst.shutdown(gsocket.SHUT_WR)
        except OSError:
            pass


def splice(client, addr, upstream_addr):
    try:
        upstream = gsocket.create_connection(upstream_addr, timeout=5)
    except OSError as exc:
        log.warning("upstream %s down: %s", upstream_addr, exc)
        client.close()
        return
    counters = {"up": 0, "down": 0}
    open_conns[client.fileno()] = (client, time.monotonic())
    try:
        gevent.joinall([
            pool.spawn(pump, client, upstream, counters, "up"),
            pool.spawn(pump, upstream, client, counters, "down"),
        ])
    finally:
        open_conns.pop(client.fileno(), None)
        upstream.close()
        client.close()
    log.info("%s: %d up, %d down", addr, counters["up"], counters["down"])


def reap_idle(max_idle=300):
    while True:
        gevent.sleep(30)
        now = time.monotonic()
        for fd, (conn, since) in list(open_conns.items()):
            if now - since > max_idle:
                log.info("closing idle connection fd=%d", fd)
                conn.close()


def accept_loop(listener, upstream_addr):
    while True:
        client, addr = listener.accept()
        pool.spawn(splice, client, addr, upstream_addr)


def main():
    logging.basicConfig(level=logging.INFO)
    loops = []
    for port, upstream in ROUTES.items():
        lsock = gsocket.socket(gsocket.AF_INET, gsocket.SOCK_STREAM)
        lsock.setsockopt(gsocket.SOL_SOCKET, gsocket.SO_REUSEADDR, 1)
        lsock.bind(("0.0.0.0", port))
        lsock.listen(128)
        loops.append(gevent.spawn(accept_loop, lsock, upstream))
    loops.append(gevent.spawn(reap_idle))
    gevent.joinall(loops)


if __name__ == "__main__":
    main()
