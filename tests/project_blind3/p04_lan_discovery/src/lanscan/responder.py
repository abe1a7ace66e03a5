"""Answer discovery queries; heavy requests go to a worker process."""
import asyncio
import multiprocessing
import os
import threading
from multiprocessing import reduction

from . import sources

_worker = None
_wake_r, _wake_w = sources.wakeup_pair()


def _worker_main(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            return


def start_worker():
    global _worker
    parent_end, child_end = multiprocessing.Pipe()
    _worker = multiprocessing.Process(target=_worker_main, args=(child_end,), daemon=True)
    _worker.start()
    return parent_end


def wake_loop():
    """Called from other threads to interrupt select()."""
    os.write(_wake_w.fileno(), b"\0")  # error: WSK201


def wake_loop_send():
    _wake_w.send(b"\0")


async def respond(port, worker_conn):
    async for conn, addr in sources.incoming(port):
        dh = reduction.DupHandle(conn.fileno(), 0, _worker.pid)  # error: WSK103
        worker_conn.send(("serve", addr, dh))
        conn.close()


async def respond_by_pickling(port, worker_conn):
    async for conn, addr in sources.incoming(port):
        worker_conn.send(("serve", addr, conn))
        conn.close()


def run(port):
    conn = start_worker()
    threading.Thread(target=asyncio.run, args=(respond(port, conn),), daemon=True).start()
