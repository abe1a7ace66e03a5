"""Admin commands sent to the gateway, and capture replay."""

import os

from bridge.transport import FileTransport, Transport


class Session:
    """An admin session on an existing transport."""

    def __init__(self, transport: Transport):
        self.transport = transport
        self.sent = 0

    def raw_send(self, frame: bytes) -> None:
        os.write(self.transport.sock.fileno(), frame)  # error: WSK201
        self.sent += len(frame)

    def ask(self, command: bytes) -> bytes:
        self.transport.send(command + b"\r\n")
        return self.transport.recv()


def reset(host, port):
    t = Transport(host, port)
    t.send(b"RESET\r\n")
    os.close(t.sock.fileno())  # error: WSK205


def replay(path, out):
    """Copy a capture to ``out`` and make sure the capture is on disk."""
    ft = FileTransport(path)
    try:
        os.fsync(ft.sock.fileno())
        while chunk := ft.recv():
            out.write(chunk)
    finally:
        ft.close()
