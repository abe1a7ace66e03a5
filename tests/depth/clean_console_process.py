"""Console and child-process plumbing for a Windows build runner. The
handles here are console, pipe, file and process handles."""
from __future__ import annotations

import _overlapped
import _winapi
import ctypes
import functools
import msvcrt
import os
import subprocess
import sys
from ctypes import wintypes
from multiprocessing import reduction
from typing import NamedTuple

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
STD_OUTPUT_HANDLE = -11


class PipePair(NamedTuple):
    read_handle: int
    write_handle: int
    inheritable: bool = False


def console_write(text: str) -> int:
    handle = kernel32.GetStdHandle(STD_OUTPUT_HANDLE)
    written = wintypes.DWORD()
    data = text.encode("utf-8")
    kernel32.WriteFile(wintypes.HANDLE(handle), data, len(data), ctypes.byref(written), None)
    return written.value


def stdout_handle() -> int:
    return msvcrt.get_osfhandle(sys.stdout.fileno())


def make_pipe() -> PipePair:
    r, w = _winapi.CreatePipe(None, 0)
    return PipePair(r, w)


def pipe_roundtrip(payload: bytes) -> bytes:
    pair = make_pipe()
    _winapi.WriteFile(pair.write_handle, payload)
    data, _err = _winapi.ReadFile(handle=pair.read_handle, size=len(payload))
    _winapi.CloseHandle(pair.write_handle)
    _winapi.CloseHandle(pair.read_handle)
    return data


def overlapped_pipe_read(name: str) -> bytes:
    sock = _winapi.CreateNamedPipe(
        name,
        _winapi.PIPE_ACCESS_INBOUND | _winapi.FILE_FLAG_OVERLAPPED,
        _winapi.PIPE_TYPE_BYTE | _winapi.PIPE_WAIT,
        1,
        4096,
        4096,
        0,
        _winapi.NULL,
    )
    ov = _overlapped.Overlapped(0)
    ov.ReadFile(sock, 4096)
    return ov.getresult(True)


def duplicate_process_handle(proc: subprocess.Popen) -> int:
    me = _winapi.GetCurrentProcess()
    return _winapi.DuplicateHandle(me, proc._handle, me, 0, False, _winapi.DUPLICATE_SAME_ACCESS)


def with_log(path: str):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with open(path, "ab") as conn:
                return fn(conn.fileno(), *args, **kwargs)

        return wrapper

    return decorate


@with_log("build.log")
def log_line(fd: int, line: str) -> None:
    os.write(fd, line.encode() + b"\n")
    os.fsync(fd)


def run_step(cmd: list[str], log_path: str) -> int:
    with open(log_path, "ab") as log:
        options = {"stdout": log, "stderr": subprocess.STDOUT}
        rc = subprocess.run(cmd, check=False, **options).returncode
        subprocess.call(cmd, stdin=subprocess.DEVNULL, stdout=log.fileno())
    return rc


def hand_stdout_to(pid: int) -> int:
    return reduction.duplicate(stdout_handle(), target_process=pid)


def main() -> None:
    console_write("build starting\n")
    print(pipe_roundtrip(b"ping"))
    log_line("step 1")
    run_step(["cmd", "/c", "echo", "hi"], "step1.log")
    proc = subprocess.Popen(["cmd", "/c", "exit"], stdin=subprocess.PIPE)
    duplicate_process_handle(proc)
    if os.isatty(sys.stdin.fileno()):
        os.set_blocking(sys.stdin.fileno(), True)
    proc.wait()


if __name__ == "__main__":
    main()
