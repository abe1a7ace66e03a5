"""logd -- a small syslog-style collector.

Ported from the Linux version.  The control channel is an AF_UNIX socket
on POSIX and a localhost TCP port on Windows; daemonising and the
fork()-based log compressor exist only on POSIX.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import selectors
import signal
import socket
import subprocess
import sys

log = logging.getLogger("logd")

CONTROL_PATH = "/run/logd.ctl"
CONTROL_PORT = 5140


def open_control_socket() -> socket.socket:
    if os.name == "nt":
        return socket.create_server(("127.0.0.1", CONTROL_PORT))
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(CONTROL_PATH)
    except FileNotFoundError:
        pass
    srv.bind(CONTROL_PATH)
    srv.listen(4)
    os.set_inheritable(srv.fileno(), False)
    return srv


def query_status() -> bytes:
    """'logd status' on POSIX hosts; the Windows build calls query_status_tcp()."""
    ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        ctl.connect(CONTROL_PATH)
        os.write(ctl.fileno(), b"STATUS\n")
        return os.read(ctl.fileno(), 4096)
    finally:
        ctl.close()


def query_status_tcp() -> bytes:
    with socket.create_connection(("127.0.0.1", CONTROL_PORT), timeout=2) as ctl:
        ctl.sendall(b"STATUS\n")
        return ctl.recv(4096)


def from_socket_activation() -> socket.socket | None:
    """systemd hands us the syslog socket as descriptor 3."""
    if os.name != "posix":
        return None
    if os.environ.get("LISTEN_PID") != str(os.getpid()):
        return None
    sock = socket.socket(fileno=3)
    os.set_blocking(sock.fileno(), False)
    return sock


class Collector:
    def __init__(self, port: int = 514, logfile: str = "logd.log") -> None:
        self.udp = from_socket_activation() or socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        if self.udp.getsockname()[1] == 0:
            self.udp.bind(("", port))
        self.logfile = logfile
        self.out = open(logfile, "ab", buffering=0)
        self.control = open_control_socket()
        if sys.platform != "win32":
            os.set_inheritable(self.udp.fileno(), False)
        else:
            os.set_handle_inheritable(self.udp.fileno(), False)

    def write_record(self, data: bytes) -> None:
        os.write(self.out.fileno(), data.rstrip(b"\n") + b"\n")
        if platform.system() != "Windows":
            os.fsync(self.out.fileno())

    def serve_control(self) -> None:
        conn, _ = self.control.accept()
        with conn:
            cmd = conn.recv(64).strip()
            if cmd == b"STATUS":
                conn.sendall(b"OK %d\n" % os.getpid())
            elif cmd == b"TAIL":
                if os.name == "nt":
                    with open(self.logfile, "rb") as fp:
                        conn.sendfile(fp)
                else:
                    # let tail(1) write straight to the client
                    subprocess.run(["tail", "-n", "100", self.logfile], stdout=conn, check=False)

    def rotate(self) -> None:
        self.out.close()
        os.replace(self.logfile, self.logfile + ".1")
        self.out = open(self.logfile, "ab", buffering=0)
        if not hasattr(os, "fork"):
            subprocess.Popen([sys.executable, "-m", "gzip", self.logfile + ".1"])
            return
        pid = os.fork()
        if pid == 0:
            # child: compress the old log; never keep the sockets open
            os.close(self.udp.fileno())
            os.close(self.control.fileno())
            os.execvp("gzip", ["gzip", "-f", self.logfile + ".1"])
        log.debug("compressor pid %d", pid)

    def run(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self.udp, selectors.EVENT_READ, "udp")
        sel.register(self.control, selectors.EVENT_READ, "control")
        while True:
            for key, _ in sel.select(timeout=30):
                if key.data == "udp":
                    data, _ = self.udp.recvfrom(8192)
                    self.write_record(data)
                else:
                    self.serve_control()


def daemonize() -> None:
    if sys.platform.startswith("win"):
        return
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    if os.fork() > 0:
        os._exit(0)
    fd = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(fd, target)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="logd")
    ap.add_argument("command", nargs="?", default="run", choices=["run", "status"])
    ap.add_argument("-f", "--foreground", action="store_true")
    ap.add_argument("-l", "--logfile", default="logd.log")
    args = ap.parse_args(argv)
    if args.command == "status":
        reply = query_status_tcp() if os.name == "nt" else query_status()
        sys.stdout.write(reply.decode("utf-8", "replace"))
        return 0
    if not args.foreground:
        daemonize()
    collector = Collector(logfile=args.logfile)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda *_: collector.rotate())
    collector.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
