"""Multi-worker launcher that behaves the same on Windows and POSIX.

Strategies, picked with --mode:
  share    sock.share(pid) in the parent, socket.fromshare() in the worker
  inherit  the worker inherits the listening socket; its number is in the env
  pickle   hand the socket object to multiprocessing, which duplicates it
"""
import multiprocessing
import os
import socket
import subprocess
import sys

ENV_FD = "LAUNCHER_LISTEN_FD"


def serve(sock, worker_id):
    while True:
        conn, _addr = sock.accept()
        with conn:
            conn.sendall(f"worker {worker_id} pid {os.getpid()}\n".encode())


def launch_share(sock, count):
    procs = []
    for worker_id in range(count):
        argv = [sys.executable, __file__, "--adopt-shared", str(worker_id)]
        child = subprocess.Popen(argv, stdin=subprocess.PIPE)
        child.stdin.write(sock.share(child.pid))
        child.stdin.close()
        procs.append(child)
    return procs


def adopt_shared(worker_id):
    serve(socket.fromshare(sys.stdin.buffer.read()), worker_id)


def launch_inherit(sock, count):
    sock.set_inheritable(True)
    if sys.platform == "win32":
        os.set_handle_inheritable(sock.fileno(), True)
    env = dict(os.environ, **{ENV_FD: str(sock.fileno())})
    procs = []
    for worker_id in range(count):
        argv = [sys.executable, __file__, "--adopt-fd", str(worker_id)]
        procs.append(subprocess.Popen(argv, env=env, close_fds=False))
    return procs


def adopt_fd(worker_id):
    sock = socket.socket(fileno=int(os.environ[ENV_FD]))
    if sock.get_inheritable():
        sock.set_inheritable(False)
    serve(sock, worker_id)


def launch_pickle(sock, count):
    procs = []
    for worker_id in range(count):
        proc = multiprocessing.Process(target=serve, args=(sock.dup(), worker_id), daemon=True)
        proc.start()
        procs.append(proc)
    return procs


LAUNCHERS = {"share": launch_share, "inherit": launch_inherit, "pickle": launch_pickle}


def main(argv):
    if len(argv) > 2 and argv[1] == "--adopt-shared":
        return adopt_shared(int(argv[2]))
    if len(argv) > 2 and argv[1] == "--adopt-fd":
        return adopt_fd(int(argv[2]))
    mode = argv[argv.index("--mode") + 1] if "--mode" in argv else "share"
    sock = socket.create_server(("0.0.0.0", 9000), backlog=256)
    procs = LAUNCHERS[mode](sock, os.cpu_count() or 2)
    try:
        for proc in procs:
            (proc.join if hasattr(proc, "join") else proc.wait)()
    finally:
        sock.close()


if __name__ == "__main__":
    main(sys.argv)
