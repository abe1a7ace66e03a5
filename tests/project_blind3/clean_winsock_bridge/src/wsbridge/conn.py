import socket


def dial(host, port, timeout=5.0):
    return socket.create_connection((host, port), timeout=timeout)


class Conn:
    def __init__(self, sock: socket.socket):
        self.sock = sock

    @classmethod
    def open(cls, host, port):
        return cls(dial(host, port))

    def __enter__(self):
        return self.sock

    def __exit__(self, *exc):
        self.sock.close()

    def fileno(self):
        return self.sock.fileno()
