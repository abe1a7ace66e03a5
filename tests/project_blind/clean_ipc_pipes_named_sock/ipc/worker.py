"""Worker side of the supervisor protocol."""

import os
import subprocess

from ipc import create_connection
from .channels import Channel, open_pair, write_all


def start_worker(argv):
    sock, peer_sock = open_pair()
    pid = os.fork() if hasattr(os, "fork") else None
    if pid == 0:
        os.dup2(sock, 0)
        os.execvp(argv[0], argv)
    os.close(sock)
    write_all(peer_sock, b"start\n")
    return pid, peer_sock


def report(path, status):
    conn = create_connection(path)
    try:
        os.write(conn.fileno(), status.encode() + b"\n")
        info = os.fstat(conn.fileno())
        return info.st_size
    finally:
        conn.close()


def run_with_capture(cmd, capture_path):
    ch = Channel(capture_path)
    try:
        subprocess.run(cmd, stdout=ch.sock, stderr=subprocess.STDOUT, check=False)
        os.fsync(ch.sock.fileno())
    finally:
        ch.close()
