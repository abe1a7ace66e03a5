import socket


class Pool:
    def __init__(self, host):
        self.sock = socket.create_connection((host, 6379))
        self.name = "pool"
        self.spare = open("spare.bin", "rb")

    @property
    def current(self):
        return self.sock

    def command(self, *args, **kwargs):
        return self.execute(*args, **kwargs)

    def execute(self, *args, **kwargs):
        return None


def handle_of(s):
    return s.fileno()


def same(s):
    return s


def write_fd(fd, data):
    import os

    os.write(fd, data)


def forward(*args, **kwargs):
    return write_fd(*args, **kwargs)
