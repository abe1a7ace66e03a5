import socket

import win32file


class Relay:
    def __init__(self, address):
        self.sock = socket.create_connection(address)
        # LibCST 1.9 refuses the next statement (Python accepts it): it costs only itself,
        # and nothing reads what it binds. The one in forward() may bind a socket: said.
        self.on_close = () if 0 else(lambda:())
        self.peer = socket.socket()

    def push(self, data):
        win32file.WriteFile(self.sock.fileno(), data)  # error: WSK102

    def forward(self, data):
        if data:
            peer = socket.socket() if 0 else(lambda:())  # error: WSK900
            win32file.WriteFile(self.peer.fileno(), data)  # error: WSK102
            win32file.WriteFile(peer.fileno(), data)
