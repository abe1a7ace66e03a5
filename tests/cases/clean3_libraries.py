"""Look-alikes of the network libraries' classes: none of these values is a socket."""
import asyncio
import logging
import os
import typing

from anyio.abc import SocketAttribute
from mylib.servers import StreamServer as OtherServer
from mylib.streams import SocketStream


class Job:
    def __init__(self, request):
        self.request = request  # a pipe's reader, named like a handler's request

    def run(self):
        os.read(self.request.fileno(), 10)


class Handler(logging.Handler):
    def handle(self, record, extra=None):  # logging's handle, not a server's
        os.write(record.fileno(), b"x")


class NotTornado:
    async def handle_stream(self, stream, address):
        os.write(stream.socket.fileno(), b"x")


def pipes(reader, address):
    os.dup(reader.fileno())


def other_server():
    OtherServer(("", 1), pipes).serve_forever()


def other_stream(stream: SocketStream):
    os.fstat(stream.socket.fileno())


async def peer_only(stream):
    peer = stream.extra(SocketAttribute.remote_address)
    os.fstat(peer.fileno())
    raw = stream.extra("raw_socket")
    os.fstat(raw.fileno())


class Typed(typing.Protocol):
    transport: typing.Any

    def use(self):
        os.dup(self.transport.getHandle().fileno())


class Streams(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        os.dup(self.transport.getHandle().fileno())


def paramiko_channel(host):
    import paramiko

    client = paramiko.SSHClient()
    client.connect(host)
    channel = client.get_transport().open_session()
    os.read(channel.fileno(), 10)  # a channel's fileno() is its own pipe, not the socket
