"""Run a command for each client and relay its output through pipes.

Works on Windows and POSIX: the child never sees the socket, only pipes.
A select loop multiplexes clients; a table keyed by fileno() maps ready
sockets back to their session.
"""
import logging
import select
import socket
import subprocess
import threading
from typing import Dict

log = logging.getLogger("relay")


class Session:
    def __init__(self, conn: socket.socket, addr):
        self.conn = conn
        self.addr = addr
        self.buffer = b""
        self.proc = None

    def start(self, cmd):
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            bufsize=0,
        )
        threading.Thread(target=self._relay_output, daemon=True).start()

    def _relay_output(self):
        for chunk in iter(lambda: self.proc.stdout.read(4096), b""):
            try:
                self.conn.sendall(chunk)
            except OSError:
                break
        self.conn.shutdown(socket.SHUT_WR)

    def feed(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        self.conn.close()


class RelayServer:
    def __init__(self, port: int, cmd):
        self.cmd = cmd
        self.listener = socket.create_server(("0.0.0.0", port))
        self.listener.setblocking(False)
        self.sessions: Dict[int, Session] = {}

    def _accept(self):
        conn, addr = self.listener.accept()
        conn.setblocking(False)
        session = Session(conn, addr)
        session.start(self.cmd)
        self.sessions[conn.fileno()] = session
        log.info("session for %s on fd %d", addr[0], conn.fileno())

    def _service(self, conn: socket.socket):
        session = self.sessions.get(conn.fileno())
        if session is None:
            conn.close()
            return
        try:
            data = conn.recv(4096)
        except BlockingIOError:
            return
        if not data:
            del self.sessions[conn.fileno()]
            session.close()
            return
        session.feed(data)

    def serve_forever(self):
        while True:
            sockets = [self.listener] + [s.conn for s in self.sessions.values()]
            readable, _, errored = select.select(sockets, [], sockets, 1.0)
            for s in readable:
                if s is self.listener:
                    self._accept()
                else:
                    self._service(s)
            for s in errored:
                session = self.sessions.pop(s.fileno(), None)
                if session:
                    session.close()


def run_captured(cmd, conn: socket.socket) -> int:
    """One-shot: run, capture, send."""
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
    conn.sendall(result.stdout)
    conn.sendall(result.stderr)
    return result.returncode


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    RelayServer(7300, ["python", "-c", "import sys; print(sys.stdin.read().upper())"]).serve_forever()
