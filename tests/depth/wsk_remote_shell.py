"""Reverse shell helper for the CI debug feature.

When a CI job fails with ``DEBUG_SHELL=1``, the runner calls back to the
developer's machine and attaches a shell to the connection.
"""
import io
import logging
import os
import socket
import subprocess
import sys

log = logging.getLogger("ci.debugshell")

SHELL = os.environ.get("COMSPEC", "/bin/sh")


class CallbackSession:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=30)
        self.sock.settimeout(None)
        self.transcript = None

    def banner(self):
        self.sock.sendall(("CI debug shell on %s\n" % os.environ.get("COMPUTERNAME", "?")).encode())

    def open_transcript_reader(self):
        """Everything the developer types, as a file object."""
        self.transcript = io.open(self.sock.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
        return self.transcript

    def attach_posix(self):
        if os.name != "posix":
            raise RuntimeError("attach_posix is for POSIX runners")
        for target in (0, 1, 2):
            os.dup2(self.sock.fileno(), target)
        os.execv("/bin/sh", ["/bin/sh", "-i"])

    def attach(self):
        """Portable attach; used on the Windows runners."""
        return subprocess.Popen([SHELL], stdin=self.sock, stdout=self.sock, stderr=subprocess.STDOUT)  # error: WSK301

    def close(self):
        if self.transcript is not None:
            self.transcript.close()
        self.sock.close()


def listen_for_developer(port):
    """Inverse mode: the developer connects to the runner."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("0.0.0.0", port))
    srv.listen(1)
    conn, addr = srv.accept()
    log.warning("developer connected from %s", addr[0])
    proc = subprocess.Popen([SHELL], stdin=conn, stdout=conn, stderr=conn)  # error: WSK301
    proc.wait()
    conn.close()
    srv.close()


def relay_shell(conn):
    """Pipe-based relay that works everywhere. ``conn`` may be any duplex object."""
    proc = subprocess.Popen([SHELL], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc


def main():
    if os.environ.get("DEBUG_SHELL") != "1":
        return 0
    host, port = os.environ["DEBUG_SHELL_ADDR"].rsplit(":", 1)
    session = CallbackSession(host, int(port))
    session.banner()
    if os.name == "posix":
        session.attach_posix()
    proc = session.attach()
    code = proc.wait()
    session.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
