import socket


def make():
    return socket.socket(socket.AF_INET, socket.SOCK_STREAM)
