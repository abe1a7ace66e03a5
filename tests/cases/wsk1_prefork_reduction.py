"""Pre-spawned worker pool: the parent accepts, workers serve.

Windows has no fork(), so accepted connections are handed to the
spawned workers through multiprocessing.
"""
import multiprocessing
import os
import socket
from multiprocessing import reduction
from multiprocessing.reduction import DupHandle, duplicate


def worker(pipe):
    while True:
        client = pipe.recv()  # a pickled socket, rebuilt by multiprocessing
        if client is None:
            break
        client.sendall(b"hello from %d\n" % os.getpid())
        client.close()


def start_workers(n):
    pipes, procs = [], []
    for _ in range(n):
        parent_end, child_end = multiprocessing.Pipe()
        p = multiprocessing.Process(target=worker, args=(child_end,), daemon=True)
        p.start()
        pipes.append(parent_end)
        procs.append(p)
    return pipes, procs


def serve(port=8800, nworkers=4):
    listener = socket.create_server(("", port))
    pipes, procs = start_workers(nworkers)
    i = 0
    while True:
        client, addr = listener.accept()
        pipe, proc = pipes[i % nworkers], procs[i % nworkers]
        if os.environ.get("POOL_LEGACY_HANDOFF"):
            reduction.send_handle(pipe, client.fileno(), proc.pid)  # error: WSK103
        else:
            pipe.send(client)
        client.close()
        i += 1


def share_listener_legacy(listener: socket.socket, proc: multiprocessing.Process):
    """Old code path kept for the 1.x workers."""
    dh = DupHandle(listener.fileno(), 0, proc.pid)  # error: WSK103
    return dh


def inheritable_listener(listener: socket.socket):
    return duplicate(handle=listener.fileno(), inheritable=True)  # error: WSK103


def send_log_handle(pipe, log_path, pid):
    """File handles may travel with send_handle; sockets may not."""
    import _winapi
    h = _winapi.CreateFile(log_path, _winapi.GENERIC_WRITE, 0, 0, _winapi.OPEN_EXISTING, 0, 0)
    reduction.send_handle(pipe, h, pid)
    _winapi.CloseHandle(h)
