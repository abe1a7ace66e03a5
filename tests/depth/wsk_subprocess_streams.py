"""Spawns conversion helpers that talk to remote peers directly."""
from __future__ import annotations

import socket
import subprocess
import sys
from typing import Any

HELPER = [sys.executable, "-m", "converter"]


def spawn_for(conn: socket.socket) -> subprocess.Popen:
    return subprocess.Popen(HELPER, stdin=conn.fileno(), stdout=subprocess.PIPE)  # error: WSK301


def run_with_peer(peer, extra: dict[str, Any] | None = None) -> int:
    options: dict[str, Any] = {"stderr": subprocess.STDOUT, "timeout": 60}
    options.update(extra or {})
    options["stdout"] = peer
    return subprocess.run(HELPER + ["--report"], check=False, **options).returncode  # error: WSK301


def relay_pair():
    parent, child = socket.socketpair()
    proc = subprocess.Popen(  # error: WSK301
        HELPER + ["--pair"],
        stdin=child,
        stdout=subprocess.DEVNULL,
    )
    child.close()
    parent.sendall(b"job 1\n")
    return proc, parent


def diagnostics(host: str) -> None:
    s = socket.create_connection((host, 514))
    try:
        subprocess.check_call(["ipconfig", "/all"], stdout=s)  # error: WSK301
    finally:
        s.close()


def main() -> None:
    srv = socket.create_server(("127.0.0.1", 8765))
    conn, _ = srv.accept()
    spawn_for(conn).wait()
    run_with_peer(conn)
    relay_pair()
    diagnostics("syslog.internal")
    print(subprocess.check_output(["whoami"]))
    with open("netuse.log", "wb") as sock:
        subprocess.call(["net", "use"], stdout=sock)


if __name__ == "__main__":
    main()
