"""Worker pool that hands whole socket objects to its workers.

multiprocessing pickles a socket through resource_sharer/DupSocket,
which uses WSADuplicateSocket on Windows, so this is safe.
"""
import multiprocessing
import multiprocessing.pool
import socket
from multiprocessing import reduction

import _winapi


def worker(listener: socket.socket, results):
    conn, addr = listener.accept()
    conn.sendall(b"served by worker\n")
    results.put(addr)
    conn.close()


def handle_one(conn: socket.socket):
    data = conn.recv(1024)
    conn.sendall(data[::-1])
    conn.close()


def run_pool(port=8765, nworkers=3):
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    listener = socket.create_server(("127.0.0.1", port))
    procs = [ctx.Process(target=worker, args=(listener, results)) for _ in range(nworkers)]
    for p in procs:
        p.start()
    return procs, results


def dispatch(listener: socket.socket, pipe):
    conn, _ = listener.accept()
    pipe.send(conn)
    conn.close()


def dispatch_with_pool(listener: socket.socket, pool: multiprocessing.pool.Pool):
    conn, _ = listener.accept()
    pool.apply_async(handle_one, (conn,))


def dispatch_dupsocket(listener: socket.socket, pipe):
    conn, _ = listener.accept()
    pipe.send(reduction.DupSocket(conn))
    conn.close()


def send_log_file(pipe, path, pid):
    h = _winapi.CreateFile(path, _winapi.GENERIC_WRITE, 0, 0, _winapi.OPEN_EXISTING, 0, 0)
    reduction.send_handle(pipe, h, pid)
    _winapi.CloseHandle(h)


def send_pipe_end(pipe, pid):
    rh, wh = _winapi.CreatePipe(None, 0)
    dup = reduction.DupHandle(rh, 0, pid)
    pipe.send(dup)
    return wh
