"""Handing connections to worker processes the supported way on Windows.

The supervisor accepts connections and gives each to a worker: over a
multiprocessing queue (the socket object pickles via DupSocket), or with
``socket.share()`` / ``socket.fromshare()``.
"""
import logging
import multiprocessing
import os
import socket
import subprocess
import sys

log = logging.getLogger("supervisor")


def worker_from_queue(queue):
    while True:
        conn = queue.get()
        if conn is None:
            return
        with conn:
            reader = conn.makefile("rb")
            writer = conn.makefile("wb")
            for line in reader:
                writer.write(line.upper())
                writer.flush()


def worker_from_share(pipe):
    blob = pipe.recv()
    conn = socket.fromshare(blob)
    with conn:
        conn.setblocking(True)
        data = conn.recv(1024)
        conn.sendall(data[::-1])


class Supervisor:
    def __init__(self, port=8800, workers=2):
        self.listener = socket.create_server(("127.0.0.1", port))
        self.queue = multiprocessing.Queue()
        self.procs = [
            multiprocessing.Process(target=worker_from_queue, args=(self.queue,), daemon=True)
            for _ in range(workers)
        ]

    def start(self):
        for p in self.procs:
            p.start()

    def accept_to_queue(self):
        conn, addr = self.listener.accept()
        log.info("queueing %s", addr)
        self.queue.put(conn)
        conn.close()

    def accept_to_share(self):
        conn, addr = self.listener.accept()
        parent_end, child_end = multiprocessing.Pipe()
        p = multiprocessing.Process(target=worker_from_share, args=(child_end,))
        p.start()
        parent_end.send(conn.share(p.pid))
        conn.close()
        return p

    def spawn_inheriting_child(self):
        """A child that inherits the listening handle (Windows handle API)."""
        clone = self.listener.dup()
        os.set_handle_inheritable(clone.fileno(), True)
        cmd = [sys.executable, "-m", "worker", "--listen-handle", str(clone.fileno())]
        proc = subprocess.Popen(cmd, close_fds=False)
        clone.close()
        return proc

    def adopt(self, handle: int) -> socket.socket:
        return socket.socket(fileno=handle)

    def inheritable(self) -> bool:
        return self.listener.get_inheritable()

    def stop(self):
        for _ in self.procs:
            self.queue.put(None)
        self.listener.close()


def read_config(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, 1 << 16).decode("utf-8")
    finally:
        os.close(fd)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sup = Supervisor()
    sup.start()
    while True:
        sup.accept_to_queue()
