"""The agent's connection to the fleet server."""

import os
import socket

from agent import compat

HELLO = b"AGENT/1 HELLO\r\n"


def open_uplink(host, port):
    sock = socket.create_connection((host, port), timeout=20)
    compat.write_all(sock.fileno(), HELLO)  # error: WSK201
    return sock


def keep_across_restart(host, port):
    """Open the uplink so that the restarted agent can adopt it."""
    sock = socket.create_connection((host, port), timeout=20)
    fd = sock.fileno()
    compat.make_inheritable(fd)  # error: WSK205
    os.environ["AGENT_UPLINK_FD"] = str(fd)
    return sock


def line_reader(sock: socket.socket):
    """Iterate over the server's commands, one per line."""
    return compat.as_file(sock.fileno())  # error: WSK203
