"""agentd console: a remote maintenance shell for build-farm agents.

Started by the agent service as ``python -m agentd.console``; it listens
on localhost only and is reached through an SSH tunnel.
"""

import io
import logging
import os
import shlex
import socketserver
import subprocess
import sys
import tempfile

log = logging.getLogger("agentd.console")

if os.name == "nt":
    SHELL = ["cmd.exe", "/Q", "/K", "prompt agent$G"]
else:
    SHELL = ["/bin/sh", "-i"]

DUMP_DIR = os.environ.get("AGENTD_DUMPS", tempfile.gettempdir())
BANNER = b"agentd console; commands: shell, exec <cmd>, tail <file>, dump <size>, detach, quit\r\n"


class ConsoleHandler(socketserver.StreamRequestHandler):
    timeout = 900
    disable_nagle_algorithm = True

    def handle(self) -> None:
        log.info("console session from %s:%d", *self.client_address[:2])
        self.wfile.write(BANNER)
        while True:
            line = self.rfile.readline(4096)
            if not line:
                return
            cmd, _, arg = line.strip().decode("utf-8", "replace").partition(" ")
            if cmd == "quit":
                return
            handler = getattr(self, "do_" + cmd, None)
            if handler is None:
                self.wfile.write(b"unknown command\r\n")
                continue
            if handler(arg) == "detached":
                return

    def do_shell(self, arg: str) -> None:
        # let the interpreter read keystrokes straight from the connection
        proc = subprocess.Popen(SHELL, stdin=self.connection, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # error: WSK301
        for chunk in iter(lambda: proc.stdout.read1(4096), b""):
            self.wfile.write(chunk)
        proc.wait()

    def do_exec(self, arg: str) -> None:
        argv = shlex.split(arg, posix=(os.name != "nt"))
        rc = subprocess.call(  # error: WSK301
            argv,
            stdin=subprocess.DEVNULL,
            stdout=self.request.fileno(),
            stderr=subprocess.STDOUT,
        )
        self.wfile.write(("[exit status %d]\r\n" % rc).encode())

    def do_tail(self, arg: str) -> None:
        try:
            with open(arg, "rb") as fp:
                fp.seek(max(0, os.fstat(fp.fileno()).st_size - 8192))
                self.wfile.write(fp.read())
        except OSError as exc:
            self.wfile.write(("error: %s\r\n" % exc).encode())

    def do_dump(self, arg: str) -> None:
        """Binary upload of a crash dump: 'dump <size>' followed by the bytes."""
        size = int(arg)
        raw = io.open(self.request.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
        target = os.path.join(DUMP_DIR, "upload-%d.dmp" % os.getpid())
        with open(target, "wb") as out:
            remaining = size
            while remaining:
                block = raw.read(min(remaining, 1 << 16))
                if not block:
                    break
                out.write(block)
                remaining -= len(block)
        self.wfile.write(b"ok\r\n")

    def do_detach(self, arg: str) -> str:
        """Hand the session to a long-running worker and stop serving it here."""
        worker = [sys.executable, "-m", "agentd.worker"]
        if os.name == "nt":
            proc = subprocess.Popen(worker + ["--shared"], stdin=subprocess.PIPE)
            proc.stdin.write(self.request.share(proc.pid))
            proc.stdin.close()
        else:
            fd = os.dup(self.request.fileno())
            try:
                subprocess.Popen(worker + ["--fd", str(fd)], pass_fds=(fd,))
            finally:
                os.close(fd)
        self.wfile.write(b"detached\r\n")
        return "detached"


class ConsoleServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = os.name != "nt"


def main(port: int = 7022) -> None:
    logging.basicConfig(level=logging.INFO)
    with ConsoleServer(("127.0.0.1", port), ConsoleHandler) as srv:
        log.info("console listening on 127.0.0.1:%d", port)
        srv.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7022)
