"""minetd: a tiny inetd for the developer sandbox.

Each configured port runs a command per connection with the connection as
its standard streams, the way inetd "nowait" services work.  On systems
with fork() the child is wired up by hand; elsewhere subprocess is used.
"""
from __future__ import annotations

import os
import selectors
import shlex
import socket
import subprocess
import sys
import threading

SERVICES: dict[int, str] = {
    7007: "python -u services/echo.py",
    7013: "python services/daytime.py",
    7079: "python services/finger.py --oneshot",
}


def _pump(src, dst: socket.socket) -> None:
    for chunk in iter(lambda: src.read1(4096), b""):
        dst.sendall(chunk)
    dst.shutdown(socket.SHUT_WR)


def spawn_service(conn: socket.socket, argv: list[str]) -> int:
    if hasattr(os, "fork"):
        pid = os.fork()
        if pid == 0:
            os.dup2(conn.fileno(), 0)
            os.dup2(conn.fileno(), 1)
            os.dup2(conn.fileno(), 2)
            os.execvp(argv[0], argv)
        conn.close()
        return pid
    proc = subprocess.Popen(  # error: WSK301
        argv,
        stdin=conn,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    threading.Thread(target=_pump, args=(proc.stdout, conn), daemon=True).start()
    return proc.pid


def run_oneshot(conn: socket.socket, argv: list[str]) -> int:
    """Services that only write (daytime, finger) need no stdin."""
    if sys.platform.startswith("linux"):
        return subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=conn.fileno()).returncode
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    conn.sendall(done.stdout)
    return done.returncode


def run_with_log_to_peer(conn: socket.socket, argv: list[str]) -> int:
    """Debug mode: the service's stderr goes to the client as well."""
    out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=conn.fileno())  # error: WSK301
    conn.sendall(out.stdout)
    return out.returncode


def serve(debug: bool = False) -> None:
    sel = selectors.DefaultSelector()
    for port, cmd in SERVICES.items():
        lsock = socket.create_server(("127.0.0.1", port))
        lsock.setblocking(False)
        sel.register(lsock, selectors.EVENT_READ, shlex.split(cmd))
    while True:
        for key, _ in sel.select():
            listener: socket.socket = key.fileobj  # type: ignore[assignment]
            conn, _addr = listener.accept()
            conn.setblocking(True)
            argv = key.data
            if debug:
                run_with_log_to_peer(conn, argv)
                conn.close()
            elif "--oneshot" in argv or argv[-1].endswith("daytime.py"):
                run_oneshot(conn, argv)
                conn.close()
            else:
                spawn_service(conn, argv)


if __name__ == "__main__":
    serve(debug="--debug" in sys.argv)
