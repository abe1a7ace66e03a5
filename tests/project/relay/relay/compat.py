"""Helpers that treat whatever they get as a descriptor."""
import os
import sys


def write_all(fd, data):
    os.write(fd, data)


def dup_to_stdio(sock):
    os.dup2(sock.fileno(), 0)


def send_all(sock, data):
    sock.sendall(data)


if sys.platform != "win32":

    def close_quietly(fd):
        os.close(fd)

else:

    def close_quietly(fd):
        pass
