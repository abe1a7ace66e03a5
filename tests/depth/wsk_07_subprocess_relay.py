"""Remote build helper: runs build steps for CI agents that connect over TCP.

Protocol: the client sends one line (the step name), then the step's input
stream; the helper streams the tool's output back.
"""
import logging
import shlex
import socket
import socketserver
import subprocess
import sys

log = logging.getLogger("buildhelper")

STEPS = {
    "lint": [sys.executable, "-m", "flake8", "-"],
    "untar": ["tar", "-x", "-f", "-", "-C", "C:\\build\\in"],
    "sign": ["signtool", "sign", "/fd", "SHA256", "/a"],
}


class _StepHandler(socketserver.StreamRequestHandler):
    timeout = 300

    def step(self) -> list[str]:
        name = self.rfile.readline().decode("ascii").strip()
        return STEPS[name]


class BuildHandler(_StepHandler):
    def handle(self) -> None:
        cmd = self.step()
        log.info("running %s for %s", shlex.join(cmd), self.client_address)
        if cmd[0] == "tar":
            subprocess.run(cmd, stdin=self.request.fileno(), check=True)  # error: WSK301
            self.wfile.write(b"OK\n")
            return
        proc = subprocess.Popen(  # error: WSK301
            cmd,
            stdin=self.connection,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for line in proc.stdout:
            self.wfile.write(line)
        self.wfile.write(b"EXIT %d\n" % proc.wait())


class BuildServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _log_channel(host: str, port: int):
    return socket.create_connection((host, port), timeout=30)


def run_step_with_remote_log(cmd: list[str], log_host: str, log_port: int) -> int:
    """Agent side: run a step locally, streaming stderr to the log collector."""
    with _log_channel(log_host, log_port) as chan:
        chan.sendall(b"STEP " + shlex.join(cmd).encode() + b"\n")
        return subprocess.call(cmd, stderr=chan.fileno())  # error: WSK301


def push_artifact(path: str, host: str, port: int) -> None:
    sock = socket.create_connection((host, port))
    try:
        sock.sendall(b"untar\n")
        subprocess.check_call(["tar", "-c", "-f", "-", path], stdout=sock)  # error: WSK301
    finally:
        sock.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with BuildServer(("0.0.0.0", 7800), BuildHandler) as server:
        server.serve_forever()
