"""Mailbox and mirror health checks for the ``postwatch`` monitoring agent."""
from __future__ import annotations

import ftplib
import logging
import os
import poplib
import smtplib
import threading

log = logging.getLogger("postwatch.checks")


def smtp_check(host: str, port: int = 25) -> dict:
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        code, banner = smtp.ehlo()
        blocking = os.get_blocking(smtp.sock.fileno())  # error: WSK205
        return {"code": code, "banner": banner.decode(errors="replace"), "blocking": blocking}


def _noop_keepalive(fd: int, interval: float, stop: threading.Event) -> None:
    while not stop.wait(interval):
        try:
            os.write(fd, b"NOOP\r\n")  # error: WSK201
        except OSError as exc:
            log.warning("keepalive failed: %s", exc)
            return


class MirrorUpload:
    """Upload a large artifact while keeping the control channel alive."""

    def __init__(self, host: str, user: str, password: str) -> None:
        self.ftp = ftplib.FTP(host, timeout=30)
        self.ftp.login(user, password)
        self._stop = threading.Event()
        self._keepalive = threading.Thread(
            target=_noop_keepalive,
            args=(self.ftp.sock.fileno(), 25.0, self._stop),
            daemon=True,
        )

    def upload(self, path: str, remote: str) -> None:
        self._keepalive.start()
        try:
            with open(path, "rb") as fh:
                self.ftp.storbinary(f"STOR {remote}", fh, blocksize=1 << 16)
        finally:
            self._stop.set()
            self._keepalive.join()
            self.ftp.quit()


def pop_handoff(host: str, user: str, password: str) -> int:
    """Hand the authenticated POP3 connection to the indexer process."""
    pop = poplib.POP3_SSL(host, timeout=20)
    pop.user(user)
    pop.pass_(password)
    count, size = pop.stat()
    log.info("%s: %d messages, %d bytes", host, count, size)
    return os.dup(pop.sock.fileno())  # error: WSK202


def smtp_send_probe(host: str, sender: str, rcpt: str) -> None:
    with smtplib.SMTP(host, 25, timeout=10) as smtp:
        smtp.sock.settimeout(5)
        smtp.sendmail(sender, [rcpt], "Subject: postwatch probe\r\n\r\nok\r\n")
