"""Docs preview server with live reload.

The supervisor binds the HTTP port once and keeps it across rebuilds, so the
browser never sees "connection refused"; every rebuild starts a fresh child
that adopts the listening socket.  A second port pushes "reload" to browsers.
"""
import http.server
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time

ENV_FD = "DOCS_PREVIEW_FD"
WATCH_DIR = "source"
BUILD_CMD = ["sphinx-build", "-q", "-b", "html", WATCH_DIR, "_build/html"]


class PreviewServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class LiveReloadServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr):
        super().__init__(addr, LiveReloadHandler)
        self.clients: list[socket.socket] = []
        self.lock = threading.Lock()

    def broadcast(self, message):
        with self.lock:
            for conn in list(self.clients):
                try:
                    os.write(conn.fileno(), message)  # error: WSK201
                except OSError:
                    self.clients.remove(conn)


class LiveReloadHandler(socketserver.BaseRequestHandler):
    def handle(self):
        with self.server.lock:
            self.server.clients.append(self.request)
        while data := self.request.recv(1024):
            if data.strip() == b"rebuild-verbose":
                subprocess.call(BUILD_CMD + ["-v"], stdout=self.request, stderr=subprocess.STDOUT)  # error: WSK301


def newest_mtime(root):
    latest = 0.0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            latest = max(latest, os.stat(os.path.join(dirpath, name)).st_mtime)
    return latest


def supervise(port):
    httpd = PreviewServer(("127.0.0.1", port), http.server.SimpleHTTPRequestHandler)
    os.set_inheritable(httpd.socket.fileno(), True)  # error: WSK205
    env = dict(os.environ, **{ENV_FD: str(httpd.fileno())})
    reload_srv = LiveReloadServer(("127.0.0.1", port + 1))
    threading.Thread(target=reload_srv.serve_forever, daemon=True).start()
    while True:
        stamp = newest_mtime(WATCH_DIR)
        subprocess.run(BUILD_CMD, check=False)
        child = subprocess.Popen([sys.executable, __file__, "--child"], env=env, close_fds=False)
        reload_srv.broadcast(b"reload\n")
        while newest_mtime(WATCH_DIR) == stamp:
            time.sleep(0.5)
        child.terminate()
        child.wait()


def child_main():
    os.chdir("_build/html")
    httpd = PreviewServer(
        ("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler, bind_and_activate=False
    )
    httpd.socket.close()
    httpd.socket = socket.socket(fileno=int(os.environ[ENV_FD]))
    httpd.serve_forever()


if __name__ == "__main__":
    if "--child" in sys.argv:
        child_main()
    else:
        supervise(int(os.environ.get("PORT", "8000")))
