"""Spawning helpers for the remote-exec agent.

Clients connect to the agent and ask it to run a tool; the tool's standard
streams are wired to the client connection.
"""
import logging
import os
import shutil
import socket
import subprocess
import sys
from typing import Sequence

log = logging.getLogger("agent.spawn")

TOOLS = {
    "diag": [sys.executable, "-m", "agent.diag"],
    "shell": ["cmd.exe", "/Q"],
}


def spawn_attached(cmd: Sequence[str], *, conn, cwd=None):
    """Start ``cmd`` with its stdin wired to the client connection."""
    log.info("spawning %s", cmd[0])
    return subprocess.Popen(cmd, stdin=conn, cwd=cwd)  # error: WSK301


def spawn_with_streams(cmd, *streams):
    """``streams`` are (stdin, stdout) in that order."""
    return subprocess.Popen(cmd, stdin=streams[0], stdout=streams[1])  # error: WSK301


def spawn_logged(cmd, log_path):
    """Logs go to a file; nothing here touches the network."""
    with open(log_path, "ab") as sock:
        return subprocess.Popen(cmd, stdout=sock, stderr=subprocess.STDOUT)


def run_quiet(cmd, conn):
    opts = {"stdin": subprocess.DEVNULL, "stdout": conn, "stderr": subprocess.DEVNULL}
    return subprocess.call(cmd, **opts)  # error: WSK301


def run_buffered(cmd, conn):
    """The right way: pipes in the middle, the socket only sees send()."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    request = conn.recv(65536)
    out, _ = proc.communicate(request)
    conn.sendall(out)
    return proc.returncode


def version_of(tool):
    exe = shutil.which(tool)
    if exe is None:
        return None
    return subprocess.check_output([exe, "--version"], text=True).strip()


class Agent:
    def __init__(self, port=7600):
        self.listener = socket.create_server(("0.0.0.0", port))

    def serve_one(self):
        client, addr = self.listener.accept()
        log.info("client %s", addr)
        name = client.recv(64).decode("ascii", "replace").strip()
        cmd = TOOLS.get(name)
        if cmd is None:
            client.sendall(b"unknown tool\n")
            client.close()
            return None
        if name == "shell":
            return spawn_attached(cmd, conn=client)
        if name == "diag":
            return spawn_with_streams(cmd, client, client)
        return None

    def serve_quiet(self):
        client, _ = self.listener.accept()
        try:
            return run_quiet(TOOLS["diag"], client)
        finally:
            client.close()

    def serve_buffered(self):
        client, _ = self.listener.accept()
        try:
            return run_buffered(TOOLS["diag"], client)
        finally:
            client.close()

    def check_tool_on_socket(self, tool):
        client, _ = self.listener.accept()
        exe = shutil.which(tool) or tool
        return subprocess.check_output([exe, "--selftest"], stdin=client.fileno())  # error: WSK301


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(version_of("git"), file=sys.stderr)
    Agent().serve_one()
    os._exit(0)
