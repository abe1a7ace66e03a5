from __future__ import annotations

import ftplib
import smtplib


def login(host: str, user: str, password: str) -> ftplib.FTP:
    ftp = ftplib.FTP(host, timeout=30)
    ftp.login(user, password)
    return ftp


class Mailer:
    def __init__(self, host: str, port: int = 25):
        self.smtp = smtplib.SMTP(host, port, timeout=30)
        self.smtp.ehlo()

    def send(self, sender, rcpts, body: str) -> None:
        self.smtp.sendmail(sender, rcpts, body)
