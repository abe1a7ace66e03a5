"""`lanscan HOST... --port N`: print the first bytes each service sends."""
import argparse
import os
import sys

from lanscan.sources import probe_hosts


def grab_banners(hosts, port):
    for host, s in probe_hosts(hosts, port):
        with s:
            banner = os.read(s.fileno(), 256)  # error: WSK201
            yield host, banner


def grab_banners_recv(hosts, port):
    for host, s in probe_hosts(hosts, port):
        with s:
            yield host, s.recv(256)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="lanscan")
    ap.add_argument("hosts", nargs="+")
    ap.add_argument("--port", type=int, default=22)
    ap.add_argument("--raw", action="store_true")
    ns = ap.parse_args(argv)
    grab = grab_banners if ns.raw else grab_banners_recv
    for host, banner in grab(ns.hosts, ns.port):
        sys.stdout.write(f"{host}: {banner!r}\n")
    return 0
