"""Delivery worker for the relay's spool directory.

Picks ``*.eml`` files up from the spool, delivers them with smtplib, and moves them to
``done/`` or ``failed/``. The local-delivery fallback pipes messages to the MDA.
"""
from __future__ import annotations

import logging
import os
import select
import smtplib
import socket
import subprocess
import sys
from pathlib import Path
from typing import IO, Union

log = logging.getLogger("relay.worker")

Closable = Union[socket.socket, int, IO[bytes]]


def close_quietly(obj: Closable) -> None:
    if isinstance(obj, socket.socket):
        obj.close()
        return
    if isinstance(obj, int):
        os.close(obj)
    else:
        obj.close()


def deliver(path: Path, host: str, port: int = 25) -> bool:
    body = path.read_bytes()
    with smtplib.SMTP(host, port, timeout=30) as smtp:
        smtp.ehlo_or_helo_if_needed()
        smtp.sock.settimeout(60)
        ready, _, _ = select.select([smtp.sock], [], [], 0)
        if ready:
            log.warning("server %s talked before EHLO finished", host)
        refused = smtp.sendmail("relay@office", ["archive@office"], body)
    return not refused


def local_fallback(path: Path) -> int:
    with path.open("rb") as message, open(path.with_suffix(".mda.log"), "ab") as conn:
        proc = subprocess.run(
            ["procmail", "-d", "archive"], stdin=message, stdout=conn, stderr=subprocess.STDOUT,
        )
        conn.flush()
        os.fsync(conn.fileno())
    return proc.returncode


def journal(spool: Path, line: str) -> None:
    sock = os.open(spool / "journal", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(sock, line.encode() + b"\n")
        os.fsync(sock)
    finally:
        close_quietly(sock)


def probe(host: str, port: int = 25) -> bool:
    try:
        conn = socket.create_connection((host, port), timeout=3)
    except OSError:
        return False
    greeting = conn.recv(512)
    close_quietly(conn)
    conn = open(os.devnull, "wb")
    os.isatty(conn.fileno())
    close_quietly(conn)
    return greeting.startswith(b"220")


if sys.platform == "win32":
    def run_worker_loop(spool: Path) -> None:
        log.info("Windows: single-process loop over %s", spool)
        while process_one(spool):
            pass
else:
    def run_worker_loop(spool: Path) -> None:
        wake, child_end = socket.socketpair()
        os.set_inheritable(child_end.fileno(), True)
        trigger = subprocess.Popen([sys.executable, "-m", "relay.trigger"], stdout=child_end)
        os.close(child_end.detach())
        os.set_blocking(wake.fileno(), False)
        while trigger.poll() is None:
            while process_one(spool):
                pass
            select.select([wake], [], [], 30)
            try:
                os.read(wake.fileno(), 64)
            except BlockingIOError:
                pass
        wake.close()


def process_one(spool: Path) -> bool:
    for path in sorted(spool.glob("*.eml")):
        ok = deliver(path, "smtp.provider.example") if probe("smtp.provider.example") else False
        if not ok:
            ok = local_fallback(path) == 0
        target = spool / ("done" if ok else "failed") / path.name
        target.parent.mkdir(exist_ok=True)
        path.replace(target)
        journal(spool, f"{path.name} {'ok' if ok else 'failed'}")
        return True
    return False
