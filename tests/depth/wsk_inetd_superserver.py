"""minetd: a tiny inetd-style superserver for the lab's test rigs.

Every configured service gets a listening socket.  When a client connects,
the service program is started with the connection as its stdin/stdout,
exactly like classic inetd "nowait" services.  "wait" services get the
listening socket itself and accept connections on their own.
"""
from __future__ import annotations

import logging
import os
import selectors
import shlex
import socket
import subprocess
from dataclasses import dataclass, field

log = logging.getLogger("minetd")

DEFAULT_CONFIG = """
# name     port   mode    program
echo       7007   nowait  /usr/bin/cat
daytime    7013   nowait  /usr/bin/date -u
fortune    7017   wait    /usr/local/bin/fortune-server --inetd
"""


@dataclass
class Service:
    name: str
    port: int
    wait: bool
    argv: list[str]
    children: list[subprocess.Popen] = field(default_factory=list)


def parse_config(text: str) -> list[Service]:
    services = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, port, mode, *argv = shlex.split(line)
        services.append(Service(name, int(port), mode == "wait", argv))
    return services


class SuperServer:
    def __init__(self, services: list[Service]) -> None:
        self.selector = selectors.DefaultSelector()
        self.by_fd: dict[int, tuple] = {}
        for svc in services:
            lsock = socket.create_server(("", svc.port))
            if svc.wait:
                self.start_wait_service(svc, lsock)
                continue
            lsock.setblocking(False)
            self.selector.register(lsock, selectors.EVENT_READ)
            self.by_fd[lsock.fileno()] = (lsock, svc)

    def start_wait_service(self, svc: Service, lsock: socket.socket) -> None:
        os.set_inheritable(lsock.fileno(), True)  # error: WSK205
        argv = svc.argv + ["--listen-fd", str(lsock.fileno())]
        svc.children.append(subprocess.Popen(argv, close_fds=False))
        self.by_fd[lsock.fileno()] = (lsock, svc)

    def serve_forever(self) -> None:
        while self.by_fd:
            for key, _mask in self.selector.select(timeout=1.0):
                entry = self.by_fd.get(key.fd)
                if entry is None:
                    continue
                lsock, svc = entry
                try:
                    conn, addr = lsock.accept()
                except BlockingIOError:
                    continue
                log.info("%s: connection from %s", svc.name, addr)
                self.launch(svc, conn)

    def launch(self, svc: Service, conn: socket.socket) -> None:
        conn.setblocking(True)
        if hasattr(os, "fork"):
            pid = os.fork()
            if pid == 0:
                os.dup2(conn.fileno(), 0)
                os.dup2(conn.fileno(), 1)
                os.execvp(svc.argv[0], svc.argv)
            conn.close()
            return
        # No fork() on this platform: point our own stdin/stdout at the
        # connection while the child is created, so that it inherits them.
        saved_in, saved_out = os.dup(0), os.dup(1)
        try:
            os.dup2(conn.fileno(), 0)  # error: WSK202
            os.dup2(conn.fileno(), 1)  # error: WSK202
            child = subprocess.Popen(svc.argv, close_fds=False, stderr=subprocess.DEVNULL)
        finally:
            os.dup2(saved_in, 0)
            os.dup2(saved_out, 1)
            os.close(saved_in)
            os.close(saved_out)
        svc.children.append(child)
        conn.close()

    def shutdown(self) -> None:
        for fd in list(self.by_fd):
            self.by_fd.pop(fd)
            os.close(fd)  # error: WSK205
        self.selector.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = SuperServer(parse_config(DEFAULT_CONFIG))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
