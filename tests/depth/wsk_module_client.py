"""Maintenance script: push a firmware image to the PLC gateway.

Run as ``python push_firmware.py image.bin``.  The gateway acknowledges each
block with a 4-byte status word.
"""
import os
import socket
import sys
import time

HOST = os.environ.get("PLC_HOST", "192.168.0.10")
BLOCK = 1024


class Client:
    def __init__(self, host: str, port: int = 502) -> None:
        self.sock = socket.create_connection((host, port), timeout=10)

    def native(self) -> int:
        return self.sock.fileno()

    @property
    def handle(self) -> int:
        return self.sock.fileno()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def close(self) -> None:
        self.sock.close()


class Journal:
    def __init__(self, path: str) -> None:
        self.fh = open(path, "ab", buffering=0)

    def native(self) -> int:
        return self.fh.fileno()


link = Client(HOST)
journal = Journal("firmware-push.log")
link.send(b"\x01HELLO")
os.write(journal.native(), b"connected %s\n" % HOST.encode())

# keep a second reference for the watchdog thread
watchdog_fd = os.dup(link.handle)  # error: WSK202

with open(sys.argv[1], "rb") as image:
    while block := image.read(BLOCK):
        link.send(block)
        time.sleep(0.01)

# the gateway's acknowledgements are read "like a file"
with open(link.native(), "rb", closefd=False) as acks:  # error: WSK203
    status = acks.read(4)

os.fsync(journal.native())

if sys.platform != "win32":
    os.set_inheritable(link.handle, False)

if status != b"OK\r\n":
    print("gateway refused the image:", status, file=sys.stderr)
    os.close(link.sock.fileno())  # error: WSK205
    sys.exit(1)

link.close()
