import os

import requests_toolbelt
import win32file

from .make import named_pipe, sock
from thirdparty.net import connect


def run():
    pipe = named_pipe(r"\\.\pipe\x")
    win32file.WriteFile(pipe, b"x")
    fd = sock()
    os.write(fd, b"x")
    conn = connect("example.org")
    os.write(conn.fileno(), b"unknown import: no evidence")
