import os
import sys

import win32file

from gateway.backends import open_http, open_smtp


def raw_response(host: str) -> bytes:
    conn = open_http(host)
    conn.putrequest("GET", "/")
    conn.endheaders()
    _hr, data = win32file.ReadFile(conn.sock.fileno(), 65536)  # error: WSK101
    return data


def mirror_session(host: str) -> None:
    smtp = open_smtp(host)
    os.dup2(smtp.sock.fileno(), sys.stdout.fileno())  # error: WSK202
    smtp.ehlo()
