"""minetd -- a tiny inetd-style super-server.

Written for FreeBSD in 2011 and ported to Windows in 2016.  The
configuration format is unchanged; on Windows services are started with
CreateProcess instead of fork()/exec(), which is why some code paths
below are duplicated under ``if os.name == "nt":``.

Configuration lines look like::

    # name   port   wait|nowait   argv...
    echo     7      nowait        /usr/libexec/echod
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import select
import shlex
import signal
import socket
import subprocess
import sys

log = logging.getLogger("minetd")

if os.name == "nt":
    DEFAULT_CONF = os.path.expandvars(r"%PROGRAMDATA%\minetd\minetd.conf")
else:
    DEFAULT_CONF = "/usr/local/etc/minetd.conf"


class ConfigError(Exception):
    pass


class Service:
    def __init__(self, name: str, port: int, wait: bool, argv: list[str]) -> None:
        self.name = name
        self.port = port
        self.wait = wait
        self.argv = argv
        self.listener: socket.socket | None = None
        self.children: set[int] = set()

    def __repr__(self) -> str:
        return "<Service %s/%d %s>" % (self.name, self.port, "wait" if self.wait else "nowait")

    def bind(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if os.name == "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("", self.port))
        sock.listen(16)
        # exec'd services must never see the listening socket
        os.set_inheritable(sock.fileno(), False)  # error: WSK205
        self.listener = sock

    def accept(self) -> None:
        assert self.listener is not None
        try:
            conn, addr = self.listener.accept()
        except InterruptedError:
            return
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.ECONNABORTED):
                return
            raise
        try:
            pid = self.spawn(conn, addr)
        finally:
            conn.close()
        self.children.add(pid)

    def spawn(self, conn: socket.socket, addr) -> int:
        log.info("%s: connection from %s:%d", self.name, addr[0], addr[1])
        if os.name == "nt":
            # No fork() on Windows: give the service the connection as its
            # stdin and copy its output back ourselves.
            proc = subprocess.Popen(  # error: WSK301
                self.argv,
                stdin=conn,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            for chunk in iter(lambda: proc.stdout.read(4096), b""):
                conn.sendall(chunk)
            return proc.pid

        pid = os.fork()
        if pid == 0:
            # child: the connection becomes stdin/stdout/stderr
            try:
                os.dup2(conn.fileno(), 0)
                os.dup2(conn.fileno(), 1)
                os.dup2(conn.fileno(), 2)
                os.execv(self.argv[0], self.argv)
            finally:
                os._exit(127)
        return pid

    def spawn_wait(self) -> int:
        """'wait' services get the listening socket itself and accept() on it."""
        assert self.listener is not None
        fd = self.listener.fileno()
        if os.name == "nt":
            os.set_handle_inheritable(fd, True)
            try:
                proc = subprocess.Popen(self.argv + ["--listen-handle", str(fd)], close_fds=False)
            finally:
                os.set_handle_inheritable(fd, False)
            return proc.pid
        pid = os.fork()
        if pid == 0:
            os.dup2(fd, 0)
            os.execv(self.argv[0], self.argv)
        return pid

    def close(self) -> None:
        if self.listener is None:
            return
        fd = self.listener.detach()
        os.close(fd)  # error: WSK205
        self.listener = None


def read_config(path: str) -> list[Service]:
    services = []
    with open(path, encoding="utf-8") as fp:
        for lineno, line in enumerate(fp, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = shlex.split(line, posix=(os.name != "nt"))
            if len(fields) < 4:
                raise ConfigError("%s:%d: expected 'name port wait|nowait argv...'" % (path, lineno))
            name, port, mode = fields[:3]
            if mode not in ("wait", "nowait"):
                raise ConfigError("%s:%d: bad mode %r" % (path, lineno, mode))
            services.append(Service(name, int(port), mode == "wait", fields[3:]))
    return services


def reap(services: list[Service]) -> None:
    if os.name == "nt":
        return  # Popen objects are reaped by subprocess
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        for svc in services:
            svc.children.discard(pid)


def daemonize(pidfile: str | None) -> None:
    if os.name == "nt":
        return  # run under the service control manager instead
    if os.fork():
        os._exit(0)
    os.setsid()
    if os.fork():
        os._exit(0)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    if pidfile:
        with open(pidfile, "w") as fp:
            fp.write("%d\n" % os.getpid())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minetd")
    parser.add_argument("-c", "--config", default=DEFAULT_CONF)
    parser.add_argument("-d", "--debug", action="store_true", help="stay in the foreground")
    parser.add_argument("-p", "--pidfile")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO)

    try:
        services = read_config(args.config)
    except (OSError, ConfigError) as exc:
        log.error("%s", exc)
        return 1
    for svc in services:
        svc.bind()
    if not args.debug:
        daemonize(args.pidfile)
    if hasattr(signal, "SIGCHLD"):
        signal.signal(signal.SIGCHLD, lambda *_: reap(services))

    by_sock = {svc.listener: svc for svc in services}
    try:
        while by_sock:
            ready, _, _ = select.select(list(by_sock), [], [], 5.0)
            for s in ready:
                svc = by_sock[s]
                if svc.wait:
                    svc.spawn_wait()
                    del by_sock[s]
                else:
                    svc.accept()
            reap(services)
    except KeyboardInterrupt:
        pass
    finally:
        for svc in services:
            svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
