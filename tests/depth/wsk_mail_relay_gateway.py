"""Outbound mail relay for the office network.

Accepts SMTP from the office printers and scanners on port 2525 (raw sockets: the devices
speak a very small subset), runs each message through spamc, and forwards it to the
provider with smtplib. Deployed as a Windows service on the file server.
"""
from __future__ import annotations

import logging
import os
import smtplib
import socket
import subprocess
from concurrent.futures import ThreadPoolExecutor
from email.utils import formatdate

log = logging.getLogger("relay")

UPSTREAM = ("smtp.provider.example", 587)
SPOOL_DIR = r"C:\ProgramData\relay\spool"
BANNER = b"220 relay.office ESMTP ready\r\n"


class Relay:
    def __init__(self, port: int = 2525, workers: int = 4) -> None:
        self.server = socket.create_server(("", port))
        self.pool = ThreadPoolExecutor(max_workers=workers)
        self.seq = 0

    def serve_forever(self) -> None:
        while True:
            conn, peer = self.server.accept()
            self.pool.submit(self._session, conn, peer)

    def _session(self, conn, peer):
        with conn:
            conn.sendall(BANNER)
            rfile = os.fdopen(conn.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
            sender, rcpts = None, []
            for raw in iter(rfile.readline, b""):
                verb = raw[:4].upper()
                if verb in (b"HELO", b"EHLO"):
                    conn.sendall(b"250 relay.office\r\n")
                elif verb == b"MAIL":
                    sender = raw[10:].strip(b"<> \r\n").decode()
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"RCPT":
                    rcpts.append(raw[8:].strip(b"<> \r\n").decode())
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 end with <CRLF>.<CRLF>\r\n")
                    verdict = subprocess.run(  # error: WSK301
                        ["spamc", "-c", "-x"], stdin=conn, stdout=subprocess.PIPE, timeout=60
                    )
                    body = verdict.stdout
                    self._spool(body)
                    self._forward(sender, rcpts, body)
                    conn.sendall(b"250 queued\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"502 not implemented\r\n")
            log.info("session from %s ended without QUIT", peer)

    def _spool(self, body: bytes) -> str:
        self.seq += 1
        path = os.path.join(SPOOL_DIR, f"{self.seq:08d}.eml")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
        try:
            os.write(fd, body)
            os.fsync(fd)
        finally:
            os.close(fd)
        return path

    def _forward(self, sender, rcpts, body: bytes) -> None:
        with smtplib.SMTP(*UPSTREAM, timeout=30) as smtp:
            smtp.starttls()
            smtp.login(os.environ["RELAY_USER"], os.environ["RELAY_PASS"])
            smtp.sendmail(sender, rcpts, body)
            log.debug("forwarded %d bytes over fd %d", len(body), smtp.sock.fileno())


class Bouncer:
    """Sends delivery reports straight over the upstream connection."""

    def __init__(self) -> None:
        self.smtp = smtplib.SMTP(*UPSTREAM, timeout=30)
        self.smtp.ehlo()
        self._raw = os.dup(self.smtp.sock.fileno())  # error: WSK202

    def bounce(self, to: str, reason: str) -> None:
        report = (
            f"From: MAILER-DAEMON@relay.office\r\nTo: {to}\r\nDate: {formatdate()}\r\n"
            f"Subject: Undeliverable\r\n\r\n{reason}\r\n"
        ).encode()
        self.smtp.mail("<>")
        self.smtp.rcpt(to)
        self.smtp.putcmd("data")
        os.write(self.smtp.sock.fileno(), report + b"\r\n.\r\n")  # error: WSK201
        code, msg = self.smtp.getreply()
        log.info("bounce to %s: %s %s", to, code, msg)
