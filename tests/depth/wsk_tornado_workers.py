"""Run several tornado worker processes on one port.

tornado.process.fork_processes() needs fork(), so on Windows the supervisor
starts the workers itself and tells each one which listening descriptors to
adopt.
"""
import io
import os
import socket
import subprocess
import sys

import tornado.ioloop
import tornado.netutil
import tornado.web
from tornado.httpserver import HTTPServer
from tornado.tcpclient import TCPClient


class StatusHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"pid": os.getpid(), "worker": os.environ.get("WORKER_ID")})


class UploadHandler(tornado.web.RequestHandler):
    def put(self, name):
        path = os.path.join("uploads", os.path.basename(name))
        with open(path, "wb") as f:
            f.write(self.request.body)
            f.flush()
            os.fsync(f.fileno())
        self.set_status(201)


def make_app():
    return tornado.web.Application([
        (r"/status", StatusHandler),
        (r"/upload/(.+)", UploadHandler),
    ])


def serve(sockets):
    server = HTTPServer(make_app())
    server.add_sockets(sockets)
    tornado.ioloop.IOLoop.current().start()


def supervise(port, workers):
    sockets: list[socket.socket] = tornado.netutil.bind_sockets(port)
    if sys.platform != "win32":
        import tornado.process

        tornado.process.fork_processes(workers)
        serve(sockets)
        return
    for sock in sockets:
        os.set_inheritable(sock.fileno(), True)  # error: WSK205
    fds = ",".join(str(sock.fileno()) for sock in sockets)
    children = []
    for worker_id in range(workers):
        env = dict(os.environ, WORKER_ID=str(worker_id))
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", fds]
        children.append(subprocess.Popen(cmd, env=env, close_fds=False))
    for child in children:
        child.wait()


def worker_main(fd_list):
    serve([socket.socket(fileno=int(fd)) for fd in fd_list.split(",")])


async def open_legacy_channel(host, port):
    """Connect through tornado (resolver, happy eyeballs), then give the
    blocking legacy client a plain binary file."""
    stream = await TCPClient().connect(host, port, timeout=10)
    raw = stream.socket
    raw.setblocking(True)
    return io.open(raw.fileno(), "r+b", buffering=0, closefd=False)  # error: WSK203


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        worker_main(sys.argv[2])
    else:
        supervise(int(os.environ.get("PORT", "8888")), int(os.environ.get("WORKERS", "4")))
