"""Child-process plumbing for the job runner.

The runner wires jobs together with anonymous pipes, log files and the
console.  The names come from the old socket-based runner (``sock``,
``conn``, ``peer``); none of these values is a socket.
"""
import asyncio
import contextlib
import msvcrt
import multiprocessing
import multiprocessing.reduction as reduction
import os
import subprocess
import sys
from multiprocessing.reduction import DupHandle

import _winapi
import win32api
import win32file


class LogSink:
    def __init__(self, path: str) -> None:
        self._f = open(path, "ab", buffering=0)

    @property
    def handle(self) -> int:
        return msvcrt.get_osfhandle(self._f.fileno())

    def write(self, data: bytes) -> None:
        win32file.WriteFile(self.handle, data)

    def close(self) -> None:
        self._f.close()


@contextlib.contextmanager
def pipe_pair():
    rh, wh = _winapi.CreatePipe(None, 0)
    rfd = msvcrt.open_osfhandle(rh, os.O_RDONLY)
    wfd = msvcrt.open_osfhandle(wh, 0)
    try:
        yield rfd, wfd
    finally:
        for fd in (rfd, wfd):
            with contextlib.suppress(OSError):
                os.close(fd)


def run_piped(first: list[str], second: list[str]) -> int:
    with pipe_pair() as (sock, peer):
        p1 = subprocess.Popen(first, stdout=peer)
        os.close(peer)
        p2 = subprocess.Popen(second, stdin=sock)
        p1.wait()
        return p2.wait()


def chain(cmds: list[list[str]]) -> bytes:
    prev = None
    procs = []
    for cmd in cmds:
        conn = subprocess.Popen(cmd, stdin=prev.stdout if prev else None, stdout=subprocess.PIPE)
        procs.append(conn)
        prev = conn
    out, _ = procs[-1].communicate()
    return out


def to_log(cmd: list[str], log_path: str) -> int:
    with open(log_path, "ab") as sock:
        return subprocess.run(cmd, stdout=sock, stderr=subprocess.STDOUT).returncode


def fd_roundtrip() -> bytes:
    r, w = os.pipe()
    os.write(w, b"ready")
    os.set_inheritable(r, True)
    os.close(w)
    with os.fdopen(r, "rb") as sock:
        return sock.read()


def console_info() -> dict:
    conn = sys.stdout.fileno()
    return {
        "tty": os.isatty(conn),
        "handle": msvcrt.get_osfhandle(conn),
        "stdin_tty": os.isatty(sys.stdin.fileno()),
        "std_output": win32api.GetStdHandle(win32api.STD_OUTPUT_HANDLE),
    }


def redirect_stdout_to(path: str) -> int:
    saved = os.dup(1)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 1)
    os.close(fd)
    return saved


def reopen(path: str):
    fd = os.open(path, os.O_RDWR | os.O_BINARY)
    return open(fd, "r+b", buffering=0)


def _child(parent_conn) -> None:
    h = reduction.recv_handle(parent_conn)
    fd = msvcrt.open_osfhandle(h, os.O_RDONLY)
    with open(fd, "rb") as f:
        print(f.read())


def send_log_to_child(path: str) -> None:
    parent_conn, child_conn = multiprocessing.Pipe()
    proc = multiprocessing.Process(target=_child, args=(child_conn,))
    proc.start()
    with open(path, "rb") as f:
        sock = msvcrt.get_osfhandle(f.fileno())
        reduction.send_handle(parent_conn, sock, proc.pid)
        dup = DupHandle(sock, 0, proc.pid)
        reduction.duplicate(handle=sock, target_process=None)
    proc.join()
    del dup


async def async_job(cmd: list[str]) -> bytes:
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await proc.communicate()
    await asyncio.to_thread(os.write, sys.stderr.fileno(), err)
    return out


def duplicate_stdout_for(pid: int) -> int:
    sock = win32api.GetStdHandle(win32api.STD_OUTPUT_HANDLE)
    target = win32api.OpenProcess(0x0040, False, pid)
    return win32api.DuplicateHandle(win32api.GetCurrentProcess(), sock, target, 0, False, 2)
