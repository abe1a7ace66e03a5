"""Accept loop that hands connections to helper processes the Winsock way."""

import multiprocessing
import select
import socket
import subprocess
import sys

from netsvc import helpers
from netsvc.helpers import as_stream, clone, share_with


def _child(conn):
    conn.sendall(b"hello from the child\r\n")
    conn.close()


def serve(port):
    srv = socket.create_server(("", port))
    while True:
        readable, _, _ = select.select([srv], [], [], 1.0)
        if not readable:
            continue
        conn, addr = srv.accept()
        helpers.send_all(conn, b"welcome\r\n")
        helpers.overlapped_send(conn, b"banner\r\n")
        stream = as_stream(conn)
        stream.write(b"ok\r\n")
        stream.flush()
        backup = clone(conn)
        helpers.allow_inherit(backup)
        proc = subprocess.Popen(
            [sys.executable, "-m", "netsvc.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        proc.stdin.write(share_with(conn, proc.pid))
        proc.stdin.close()
        worker = multiprocessing.Process(target=_child, args=(backup,))
        worker.start()
        conn.close()
