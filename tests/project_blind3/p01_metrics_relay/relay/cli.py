"""relay command line: `relay run -- CMD...` pipes CMD's output to the agent."""
import argparse
import os
import subprocess
import sys


def _run_child(argv, host, port):
    from relay.transports.registry import FACTORIES

    conn = FACTORIES["udp"](host, port)
    try:
        child = subprocess.Popen(argv, stdout=conn)  # error: WSK301
        return child.wait()
    finally:
        conn.close()


def _spawn_pinger(argv):
    from relay.transports.local import heartbeat_handle

    h = heartbeat_handle()
    os.set_inheritable(h, True)  # error: WSK205
    return subprocess.Popen(argv + [str(h)], close_fds=False)


def _spawn_logged(argv, logfile):
    with open(logfile, "ab") as log:
        os.set_inheritable(log.fileno(), True)
        return subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)


def main(args=None):
    parser = argparse.ArgumentParser(prog="relay")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8125)
    parser.add_argument("--pinger", action="store_true")
    parser.add_argument("--log")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    ns = parser.parse_args(args)
    if ns.pinger:
        _spawn_pinger(ns.cmd)
        return 0
    if ns.log:
        return _spawn_logged(ns.cmd, ns.log).wait()
    return _run_child(ns.cmd, ns.host, ns.port)


if __name__ == "__main__":
    sys.exit(main())
