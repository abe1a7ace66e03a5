"""Launcher: starts a worker process and hands it the listening socket."""
import _winapi
import os
import subprocess
import sys

import compat
import netutil
from compat import send_blob
from netutil import LISTENER


def start_worker(port: int) -> subprocess.Popen:
    LISTENER.bind(("127.0.0.1", port))
    LISTENER.listen()
    child = subprocess.Popen([sys.executable, "worker.py"], stdin=subprocess.PIPE)
    proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, child.pid)
    handle = compat.dup_into(proc, LISTENER.fileno())  # error: WSK103
    child.stdin.write(b"%d\n" % handle)
    child.stdin.flush()
    return child


def control_channel():
    a, b = netutil.make_pair()
    send_blob(a.fileno(), b"ready")  # error: WSK102
    os.set_inheritable(b.fileno(), True)  # error: WSK205
    return a, b


def signal_pipe() -> int:
    read_end, write_end = _winapi.CreatePipe(None, 0)
    compat.write_handle(write_end, b"go")
    _winapi.CloseHandle(write_end)
    return read_end
