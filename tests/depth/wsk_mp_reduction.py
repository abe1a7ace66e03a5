"""Hand accepted connections to worker processes (Windows service build).

The accept loop runs in the service process; workers are started with
multiprocessing and receive connections over a control pipe.
"""
import multiprocessing
import os
import socket
from multiprocessing import reduction
from multiprocessing.reduction import duplicate

import _winapi


def worker_main(ctrl) -> None:
    while True:
        conn = ctrl.recv()
        if conn is None:
            break
        conn.sendall(b"hello from %d\r\n" % os.getpid())
        conn.close()


def dispatch(listener: socket.socket, ctrl, worker_pid: int) -> None:
    client, addr = listener.accept()
    # send the raw handle instead of pickling the socket object
    reduction.send_handle(ctrl, client.fileno(), worker_pid)  # error: WSK103
    client.close()


def dispatch_pickled(listener: socket.socket, ctrl) -> None:
    client, _ = listener.accept()
    ctrl.send(client)  # socket objects pickle through resource_sharer.DupSocket
    client.close()


def dispatch_shared(listener: socket.socket, ctrl, worker_pid: int) -> None:
    client, _ = listener.accept()
    ctrl.send(client.share(worker_pid))
    client.close()


def prepare_for(listener: socket.socket, worker_pid: int):
    client, _ = listener.accept()
    # pickled to the worker, which calls .detach() on the other side
    return reduction.DupHandle(client.fileno(), _winapi.DUPLICATE_SAME_ACCESS, worker_pid)  # error: WSK103


def clone_local(s: socket.socket) -> int:
    return duplicate(handle=s.fileno(), inheritable=True)  # error: WSK103


def clone_log(path: str, worker_pid: int) -> int:
    import msvcrt

    with open(path, "ab") as fh:
        target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, worker_pid)
        return duplicate(msvcrt.get_osfhandle(fh.fileno()), target_process=target)


def serve(n_workers: int = 2) -> None:
    listener = socket.create_server(("0.0.0.0", 8800))
    parent, child = multiprocessing.Pipe()
    workers = [multiprocessing.Process(target=worker_main, args=(child,)) for _ in range(n_workers)]
    for w in workers:
        w.start()
    try:
        while True:
            dispatch_pickled(listener, parent)
    finally:
        for _ in workers:
            parent.send(None)


if __name__ == "__main__":
    serve()
