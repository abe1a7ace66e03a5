"""Network libraries' own classes: the sockets their servers, streams and protocols hold."""
import http.client
import os
import socketserver
import subprocess

import anyio
import trio
from anyio.abc import SocketAttribute
from gevent import socket as gsocket
from gevent.server import StreamServer
from tornado.tcpserver import TCPServer
from twisted.internet import protocol


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data = os.read(self.request.fileno(), 4096)  # error: WSK201
        os.set_inheritable(self.server.socket.fileno(), False)  # error: WSK205


class ConsoleHandler(socketserver.StreamRequestHandler):
    def handle(self):
        subprocess.run(["diag.exe"], stdout=self.connection)  # error: WSK301


class QuietServer(socketserver.ThreadingTCPServer):
    def server_activate(self):
        super().server_activate()
        os.set_inheritable(self.socket.fileno(), False)  # error: WSK205


def serve(port):
    server = socketserver.TCPServer(("", port), EchoHandler)
    os.dup(server.socket.fileno())  # error: WSK202


class Fetcher(http.client.HTTPSConnection):
    def raw(self):
        return os.read(self.sock.fileno(), 10)  # error: WSK201


class Relay(TCPServer):
    async def handle_stream(self, stream, address):
        os.write(stream.socket.fileno(), b"hello")  # error: WSK201


def scanner(sock, address):
    os.dup(sock.fileno())  # error: WSK202


class Scanners(StreamServer):
    def handle(self, sock, address):
        os.fstat(sock.fileno())  # error: WSK205


def green():
    StreamServer(("", 9100), scanner).serve_forever()
    probe = gsocket.socket(gsocket.AF_INET, gsocket.SOCK_DGRAM)
    os.write(probe.fileno(), b"alive")  # error: WSK201


def trio_info(stream: trio.SocketStream):
    return os.fstat(stream.socket.fileno())  # error: WSK205


async def trio_raw():
    sock = trio.socket.socket()
    os.set_inheritable(sock.fileno(), False)  # error: WSK205


async def anyio_raw(stream):
    raw = stream.extra(SocketAttribute.raw_socket)
    os.get_blocking(raw.fileno())  # error: WSK205


class Handoff(protocol.Protocol):
    def dataReceived(self, data):
        os.dup(self.transport.getHandle().fileno())  # error: WSK202


def websocket_raw(url):
    from websockets.sync.client import connect

    with connect(url) as ws:
        os.set_inheritable(ws.socket.fileno(), True)  # error: WSK205


def ssh_socket(host):
    import paramiko

    client = paramiko.SSHClient()
    client.connect(host)
    transport = client.get_transport()
    os.fstat(transport.sock.fileno())  # error: WSK205
