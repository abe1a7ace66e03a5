"""Service probes for the ops health dashboard.

Each probe opens a real protocol session with the standard library client,
checks the greeting, and records timings.  Probes run in a long-lived
process that also spawns `nmap`/`openssl` helpers, so the sessions are made
non-inheritable as soon as they exist.
"""
from __future__ import annotations

import ftplib
import http.client
import os
import smtplib
import socket
import subprocess
import telnetlib
import time

import paramiko

TIMEOUT = 10
WATCHDOG_FDS: list[int] = []


def _timed(fn):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        ok, detail = fn(*args, **kwargs)
        return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - t0) * 1000, 1)}
    return wrapper


@_timed
def probe_ftp(host: str) -> tuple[bool, str]:
    ftp = ftplib.FTP(host, timeout=TIMEOUT)
    try:
        os.set_inheritable(ftp.sock.fileno(), False)  # error: WSK205
        welcome = ftp.getwelcome()
        ftp.login()
        return welcome.startswith("220"), welcome
    finally:
        ftp.close()


@_timed
def probe_smtp(host: str, port: int = 25) -> tuple[bool, str]:
    smtp = smtplib.SMTP(timeout=TIMEOUT)
    smtp.connect(host, port)
    try:
        # read the EHLO reply raw so multi-line banners are kept verbatim
        smtp.putcmd("ehlo", socket.getfqdn())
        with open(smtp.sock.fileno(), "rb", buffering=0, closefd=False) as raw:  # error: WSK203
            reply = raw.read(512).decode("ascii", "replace")
        return reply.startswith("250"), reply.splitlines()[0]
    finally:
        smtp.close()


@_timed
def probe_http(host: str, port: int = 80) -> tuple[bool, str]:
    conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
    conn.connect()
    try:
        blocking = conn.sock.getblocking()
        conn.request("HEAD", "/healthz")
        resp = conn.getresponse()
        return resp.status == 200, f"{resp.status} blocking={blocking}"
    finally:
        conn.close()


@_timed
def probe_telnet(host: str, port: int = 23) -> tuple[bool, str]:
    tn = telnetlib.Telnet(host, port, TIMEOUT)
    try:
        os.write(tn.sock.fileno(), b"\r\n")  # error: WSK201
        banner = tn.read_until(b"login:", TIMEOUT)
        return b"login:" in banner, banner.decode("latin-1").strip()
    finally:
        tn.close()


@_timed
def probe_ssh(host: str, port: int = 22) -> tuple[bool, str]:
    sock = socket.create_connection((host, port), timeout=TIMEOUT)
    transport = paramiko.Transport(sock)
    try:
        transport.start_client(timeout=TIMEOUT)
        # the watchdog thread polls the session for liveness
        WATCHDOG_FDS.append(os.dup(transport.sock.fileno()))  # error: WSK202
        key = transport.get_remote_server_key()
        return True, f"{key.get_name()} {key.get_base64()[:16]}"
    except paramiko.SSHException as exc:
        return False, str(exc)
    finally:
        transport.close()


def probe_tls_cert(host: str, port: int = 443) -> str:
    out = subprocess.run(
        ["openssl", "s_client", "-connect", f"{host}:{port}", "-servername", host],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    return out.stdout.decode(errors="replace")


def run_all(host: str) -> dict[str, dict]:
    return {
        "ftp": probe_ftp(host),
        "smtp": probe_smtp(host),
        "http": probe_http(host),
        "telnet": probe_telnet(host),
        "ssh": probe_ssh(host),
    }
