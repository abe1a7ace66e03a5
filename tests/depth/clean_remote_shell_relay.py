"""Remote maintenance shell for lab machines: a TCP client drives a local
shell, with the child's stdio relayed through pipes (never the socket itself).
"""
from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading

LOG = logging.getLogger("labshell")
SHELL = ["cmd.exe", "/Q"] if os.name == "nt" else ["/bin/sh", "-i"]


def _pump_to_child(sock: socket.socket, conn: subprocess.Popen) -> None:
    assert conn.stdin is not None
    while True:
        data = sock.recv(4096)
        if not data:
            break
        conn.stdin.write(data)
        conn.stdin.flush()
    conn.stdin.close()


def _pump_from_child(conn: subprocess.Popen, sock: socket.socket) -> None:
    assert conn.stdout is not None
    fd = conn.stdout.fileno()
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        sock.sendall(chunk)


def session(client: socket.socket, audit_path: str) -> int:
    audit = open(audit_path, "ab")
    conn = subprocess.Popen(
        SHELL,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=audit,
        bufsize=0,
    )
    if os.name == "nt":
        import msvcrt

        LOG.debug("child stdout pipe handle %#x", msvcrt.get_osfhandle(conn.stdout.fileno()))
    t_in = threading.Thread(target=_pump_to_child, args=(client, conn), daemon=True)
    t_out = threading.Thread(target=_pump_from_child, args=(conn, client), daemon=True)
    t_in.start()
    t_out.start()
    code = conn.wait()
    t_out.join(timeout=2)
    audit.flush()
    os.fsync(audit.fileno())
    audit.close()
    return code


def run_oneshot(client: socket.socket, argv: list[str]) -> None:
    sock = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    client.sendall(sock.stdout + sock.stderr)
    client.sendall(b"\nexit %d\n" % sock.returncode)


def local_console(argv: list[str]) -> int:
    return subprocess.call(argv, stdout=sys.stdout.fileno(), stderr=sys.stderr)


def serve(port: int, audit_dir: str) -> None:
    srv = socket.create_server(("0.0.0.0", port))
    while True:
        client, addr = srv.accept()
        LOG.info("session from %s", addr)
        first = client.recv(256).strip()
        if first.startswith(b"run "):
            run_oneshot(client, first[4:].decode().split())
        else:
            session(client, os.path.join(audit_dir, f"{addr[0]}.log"))
        client.shutdown(socket.SHUT_RDWR)
        client.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else ".")
