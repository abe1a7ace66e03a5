"""Clients for the license server's line protocol (TCP and local pipe)."""
import dataclasses
import socket

import win32file


class LicenseClient:
    def __init__(self, host, port=27000):
        self.addr = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(10)

    def connect(self):
        self.sock.connect(self.addr)
        self.h = self.sock.fileno()

    def checkout(self, feature):
        win32file.WriteFile(self.h, f"CHECKOUT {feature}\n".encode())  # error: WSK102
        _, reply = win32file.ReadFile(self.sock.fileno(), 512)  # error: WSK101
        return reply.decode().strip()

    def checkin(self, feature):
        self.sock.sendall(f"CHECKIN {feature}\n".encode())
        return self.sock.recv(512)

    def close(self):
        self.sock.close()


class PipeLicenseClient:
    """Same protocol over the local named pipe when the server runs on this box."""

    def __init__(self, name=r"\\.\pipe\lmgrd"):
        self.sock = win32file.CreateFile(
            name,
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )

    def checkout(self, feature):
        win32file.WriteFile(self.sock, f"CHECKOUT {feature}\n".encode())
        _, reply = win32file.ReadFile(self.sock, 512)
        return reply.decode().strip()

    def close(self):
        self.sock.Close()


@dataclasses.dataclass
class Session:
    sock: socket.socket
    peer: str

    def push(self, data: bytes):
        win32file.WriteFile(self.sock.fileno(), data)  # error: WSK102

    def push_ok(self, data: bytes):
        self.sock.sendall(data)
