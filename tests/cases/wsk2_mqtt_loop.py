"""Network loop of the home-automation MQTT bridge."""
import os
import selectors
import socket


class MqttLoop:
    def __init__(self, host, port=1883):
        self.sock = socket.create_connection((host, port))
        self.sock.setblocking(False)
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.sock, selectors.EVENT_READ)
        self.outbox = []

    def publish(self, topic: str, payload: bytes):
        t = topic.encode()
        body = len(t).to_bytes(2, "big") + t + payload
        header = bytes([0x30, len(body)])
        os.writev(self.sock.fileno(), [header, body])  # error: WSK201

    def publish_ok(self, topic: str, payload: bytes):
        t = topic.encode()
        body = len(t).to_bytes(2, "big") + t + payload
        self.sock.sendall(bytes([0x30, len(body)]) + body)

    def poll(self, timeout=1.0):
        for key, _ in self.sel.select(timeout):
            data = key.fileobj.recv(4096)
            if data:
                self.handle(data)

    def read_packet(self):
        return os.read(self.sock.fileno(), 4096)  # error: WSK201

    def read_packet_into(self, buf: bytearray):
        n = os.readv(self.sock.fileno(), [buf])  # error: WSK201
        return buf[:n]

    def handle(self, data: bytes):
        self.outbox.append(data)

    def ping(self):
        self.sock.send(b"\xc0\x00")
