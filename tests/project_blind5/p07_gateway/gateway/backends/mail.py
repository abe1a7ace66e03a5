import smtplib


def open_smtp(host: str, port: int = 25):
    return smtplib.SMTP(host, port, timeout=10)
