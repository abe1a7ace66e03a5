"""Run the configured steps."""
from __future__ import annotations

import contextlib
import os
import queue
import socket
import subprocess
import threading

from .kinds import OutputKind
from .resources import child_pipe, spool
from .routing import close_any, write_any

FINISHED: queue.Queue[int] = queue.Queue()


def run_step(argv: list[str], spool_path: str, log_path: str) -> int:
    log = OutputKind.FILE.create(log_path)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(spool(spool_path))
        read_fd, write_fd = stack.enter_context(child_pipe())
        proc = subprocess.Popen(argv, stdin=read_fd, stdout=out, stderr=subprocess.STDOUT)
        os.close(write_fd)  # nothing to feed: the child sees EOF at once
        code = proc.wait()
        out.seek(0)
        log.emit(out.read())
    log.sync()
    log.close()
    FINISHED.put(code)
    return code


def notify(host: str, port: int, message: str, fallback_fd: int = 2) -> None:
    try:
        target = socket.create_connection((host, port), timeout=2.0)
    except OSError:
        target = os.dup(fallback_fd)
    try:
        write_any(target, message.encode() + b"\n")
    finally:
        close_any(target)


def collect_exit_codes() -> list[int]:
    codes = []
    while True:
        try:
            codes.append(FINISHED.get_nowait())
        except queue.Empty:
            return codes


def pipe_to_consumer(argv: list[str], lines: list[str]) -> int:
    out = OutputKind("pipe").create()
    consumer = subprocess.Popen(argv, stdin=out.read_fd)
    os.close(out.read_fd)

    def feed() -> None:
        for line in lines:
            out.emit_line(line)
        out.close()

    threading.Thread(target=feed).start()
    return consumer.wait()
