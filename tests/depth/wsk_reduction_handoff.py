"""Worker pool for Windows that hands listening and accepted sockets to
worker processes."""
from __future__ import annotations

import _winapi
import multiprocessing
import socket
from multiprocessing import connection, reduction


def share_listener(pipe: connection.Connection, listener: socket.socket, worker_pid: int) -> None:
    reduction.send_handle(pipe, listener.fileno(), worker_pid)  # error: WSK103


def export_client(conn, worker_pid: int):
    return reduction.DupHandle(handle=conn.fileno(), access=0, pid=worker_pid)  # error: WSK103


def export_raw(sock: socket.socket, process_handle: int) -> int:
    return _winapi.DuplicateHandle(  # error: WSK103
        _winapi.GetCurrentProcess(),
        sock.fileno(),
        process_handle,
        0,
        False,
        _winapi.DUPLICATE_SAME_ACCESS,
    )


def worker(pipe: connection.Connection) -> None:
    shared = socket.fromshare(pipe.recv())
    while True:
        conn, _ = shared.accept()
        conn.sendall(b"hello from worker\n")
        conn.close()


def main() -> None:
    ctx = multiprocessing.get_context("spawn")
    listener = socket.create_server(("0.0.0.0", 8080))
    parent_end, child_end = ctx.Pipe()
    proc = ctx.Process(target=worker, args=(child_end,), daemon=True)
    proc.start()
    parent_end.send(listener.share(proc.pid))
    share_listener(parent_end, listener, proc.pid)
    conn, _ = listener.accept()
    parent_end.send(export_client(conn, proc.pid))
    export_raw(conn, proc._handle)


if __name__ == "__main__":
    main()
