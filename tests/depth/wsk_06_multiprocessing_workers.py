"""Worker pool that shares one listening socket between processes.

On Windows the pool uses the ``spawn`` start method, so the listener has to be
transferred to every worker explicitly.  Three transfer strategies survived
from various refactorings; ``--strategy`` picks one.
"""
import argparse
import multiprocessing
import multiprocessing.reduction as reduction
import socket
from multiprocessing.reduction import DupHandle

import _winapi


def serve_forever(listener: socket.socket, worker_id: int) -> None:
    while True:
        conn, _addr = listener.accept()
        with conn:
            conn.sendall(b"worker %d\r\n" % worker_id)


def _worker_from_handle(pipe, worker_id: int) -> None:
    handle = reduction.recv_handle(pipe)
    listener = socket.socket(fileno=handle)
    serve_forever(listener, worker_id)


def _worker_from_dup(pipe, worker_id: int) -> None:
    dup = pipe.recv()
    listener = socket.socket(fileno=dup.detach())
    serve_forever(listener, worker_id)


class PoolWorker(multiprocessing.Process):
    def __init__(self, worker_id: int, pipe) -> None:
        super().__init__(daemon=True)
        self.worker_id = worker_id
        self.pipe = pipe

    def run(self) -> None:
        _worker_from_handle(self.pipe, self.worker_id)


def start_pool(port: int, count: int, strategy: str) -> list:
    listener = socket.create_server(("", port), backlog=128)
    workers = []
    for n in range(count):
        if strategy == "object":
            # pickled through resource_sharer.DupSocket: the right way
            proc = multiprocessing.Process(target=serve_forever, args=(listener, n))
            proc.start()
        elif strategy == "handle":
            parent_end, child_end = multiprocessing.Pipe()
            proc = PoolWorker(n, child_end)
            proc.start()
            reduction.send_handle(parent_end, listener.fileno(), proc.pid)  # error: WSK103
        elif strategy == "duphandle":
            parent_end, child_end = multiprocessing.Pipe()
            proc = multiprocessing.Process(target=_worker_from_dup, args=(child_end, n))
            proc.start()
            parent_end.send(DupHandle(listener.fileno(), 0, proc.pid))  # error: WSK103
        else:
            raise ValueError(strategy)
        workers.append(proc)
    return workers


def export_for_child(listener: socket.socket, child_handle: int) -> int:
    """Used by the C# launcher integration: returns a handle valid in the child."""
    return reduction.duplicate(  # error: WSK103
        handle=listener.fileno(), target_process=child_handle, inheritable=True
    )


def export_raw(listener: socket.socket, child_handle: int) -> int:
    me = _winapi.GetCurrentProcess()
    return _winapi.DuplicateHandle(  # error: WSK103
        me, listener.fileno(), child_handle, 0, True, _winapi.DUPLICATE_SAME_ACCESS
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--strategy", choices=("object", "handle", "duphandle"), default="object")
    args = parser.parse_args()
    multiprocessing.set_start_method("spawn")
    for proc in start_pool(args.port, args.workers, args.strategy):
        proc.join()


if __name__ == "__main__":
    main()
