"""Wiring a connection to a shell or to the process's own stdio."""

import os
import subprocess
from multiprocessing import reduction


def dup_to_stdio(sock):
    """Make the connection this process's stdin, stdout and stderr."""
    for target in (0, 1, 2):
        os.dup2(sock.fileno(), target)


def spawn_shell(stream, argv):
    """Start ``argv`` talking directly over ``stream``."""
    return subprocess.Popen(argv, stdin=stream, stdout=stream, stderr=subprocess.STDOUT)


def hand_off(pipe_conn, sock, pid):
    """Pass the connection to worker ``pid`` over its multiprocessing pipe."""
    reduction.send_handle(pipe_conn, sock.fileno(), pid)


def close_raw(sock):
    """Close the connection without running the socket's finaliser."""
    os.close(sock.detach())

