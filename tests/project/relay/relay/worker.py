import os
import socket

import win32file

from relay import connect as connect_again
from . import compat
from .net import Transport, connect, listener


def run(host):
    conn = connect(host)
    os.dup2(conn.fileno(), 0)  # error: WSK202
    s = socket.socket()
    compat.write_all(s.fileno(), b"x")  # error: WSK201
    compat.dup_to_stdio(connect_again(host))  # error: WSK202
    compat.send_all(s, b"fine")
    compat.close_quietly(s.fileno())
    client, _ = listener(8080).accept()
    os.write(client.fileno(), b"hi")  # error: WSK201


def log_only(path):
    fd = os.open(path, os.O_WRONLY)
    compat.write_all(fd, b"x")


class Server(Transport):
    def go(self):
        win32file.WriteFile(self.sock.fileno(), b"x")  # error: WSK102
        os.write(self.log.fileno(), b"log")
