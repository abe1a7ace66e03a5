import socket
import subprocess
import sys

import server


def test_accept_returns_pair(listener):
    peer = socket.create_connection(listener.getsockname())
    conn, addr = server.accept_one(listener)
    assert addr[0] == "127.0.0.1"
    proc = subprocess.run(  # error: WSK301
        [sys.executable, "-c", "print('hi')"],
        stdout=conn,
        check=True,
    )
    assert proc.returncode == 0
    peer.close()
    conn.close()


def test_relay_through_pipe(listener):
    peer = socket.create_connection(listener.getsockname())
    conn, _ = server.accept_one(listener)
    out = subprocess.run(
        [sys.executable, "-c", "print('hi')"],
        stdout=subprocess.PIPE,
        check=True,
    ).stdout
    conn.sendall(out)
    assert peer.recv(16) == out
    peer.close()
    conn.close()
