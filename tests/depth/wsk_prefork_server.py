"""Pre-fork style worker pool for the image thumbnailer.

The parent binds the listening socket once and starts N workers that all
accept on it. Several ways of getting the socket into the workers have
been tried over time; see the notes on each helper.
"""
import logging
import multiprocessing
import os
import socket
import subprocess
import sys
from multiprocessing import reduction

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

log = logging.getLogger("thumbs.pool")


def bind_listener(host="0.0.0.0", port=8300, backlog=128):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    return sock


def spawn_inheriting_workers(sock, count):
    """v1: make the handle inheritable and pass its number on the command line."""
    os.set_inheritable(sock.fileno(), True)  # error: WSK205
    procs = []
    for i in range(count):
        cmd = [sys.executable, "-m", "thumbs.worker", "--fd", str(sock.fileno()), "--id", str(i)]
        procs.append(subprocess.Popen(cmd, close_fds=False))
    return procs


def spawn_with_handle_inheritance(sock, count):
    """v2: Windows handle inheritance, the supported spelling."""
    os.set_handle_inheritable(sock.fileno(), True)
    return [
        subprocess.Popen([sys.executable, "-m", "thumbs.worker", "--handle", str(sock.fileno())], close_fds=False)
        for _ in range(count)
    ]


def duplicated_for(sock, pid):
    """v3: duplicate the handle into a known worker process."""
    return reduction.duplicate(sock.fileno(), target_process=pid, inheritable=False)  # error: WSK103


def dup_handle_for(sock, pid):
    """v3b: picklable duplicate for a Process argument."""
    return reduction.DupHandle(sock.fileno(), 0, pid)  # error: WSK103


def fork_workers(sock, count):
    """POSIX fast path: plain fork, the children inherit the descriptor."""
    if not hasattr(os, "fork"):
        return []
    pids = []
    for i in range(count):
        pid = os.fork()
        if pid == 0:
            os.set_blocking(sock.fileno(), True)
            if fcntl is not None:
                flags = fcntl.fcntl(sock.fileno(), fcntl.F_GETFD)
                fcntl.fcntl(sock.fileno(), fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)
            _accept_forever(sock, i)
        pids.append(pid)
    return pids


def _accept_forever(listener, worker_id):
    while True:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"thumb:%d" % worker_id)


def shared_for(sock, pid):
    """v4: WSADuplicateSocket through socket.share(); what we ship today."""
    return sock.share(pid)


def worker_main(shared_bytes, worker_id):
    listener = socket.fromshare(shared_bytes)
    log.info("worker %d accepting on %s", worker_id, listener.getsockname())
    while True:
        conn, _ = listener.accept()
        with conn:
            size = conn.recv(64)
            conn.sendall(b"thumb:" + size)


def start_pool(count=4):
    listener = bind_listener()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = []
    for i in range(count):
        p = ctx.Process(target=_bootstrap, args=(queue, i))
        p.start()
        queue.put(shared_for(listener, p.pid))
        workers.append(p)
    if os.environ.get("THUMBS_LEGACY") == "1":
        spawn_inheriting_workers(listener, count)
    if os.environ.get("THUMBS_DUP") == "1":
        for p in workers:
            log.debug("dup %r", duplicated_for(listener, p.pid))
            log.debug("duphandle %r", dup_handle_for(listener, p.pid))
    spawn_with_handle_inheritance(listener.dup(), 1)
    fork_workers(listener, count)
    return listener, workers


def _bootstrap(queue, worker_id):
    worker_main(queue.get(), worker_id)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    lst, procs = start_pool()
    for proc in procs:
        proc.join()
