from __future__ import annotations

import io
import os

from mirror.clients import Mailer, login


def control_is_blocking(host, user, password) -> bool:
    ftp = login(host, user, password)
    try:
        return os.get_blocking(ftp.sock.fileno())  # error: WSK205
    finally:
        ftp.quit()


def smtp_transcript(host):
    m = Mailer(host)
    return io.open(m.smtp.sock.fileno(), "rb", closefd=False)  # error: WSK203


def fetch(host, user, password, name, dest):
    ftp = login(host, user, password)
    with open(dest, "wb") as fh:
        ftp.retrbinary(f"RETR {name}", fh.write)
        os.fsync(fh.fileno())
    ftp.quit()
