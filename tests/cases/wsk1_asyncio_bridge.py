"""asyncio front end that feeds requests to a native recorder (Windows)."""
import asyncio
import socket

import _winapi
import win32file


class RecorderProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.peer = transport.get_extra_info("peername")
        sock = transport.get_extra_info("socket")
        self.handle = sock.fileno()

    def data_received(self, data):
        _winapi.WriteFile(self.handle, b"ack\n")  # error: WSK102
        self.transport.write(data)


async def handle_client(reader, writer):
    sock = writer.get_extra_info("socket")
    peer = writer.get_extra_info("peername")
    data = await reader.read(1024)
    win32file.WriteFile(sock.fileno(), data.upper())  # error: WSK102
    writer.write(f"bye {peer}\n".encode())
    await writer.drain()
    writer.close()


async def handle_client_ok(reader, writer):
    data = await reader.read(1024)
    writer.write(data.upper())
    await writer.drain()
    writer.close()


async def accept_loop(port):
    loop = asyncio.get_running_loop()
    listener = socket.create_server(("127.0.0.1", port))
    listener.setblocking(False)
    while True:
        conn, addr = await loop.sock_accept(listener)
        hello, _ = _winapi.ReadFile(conn.fileno(), 64)  # error: WSK101
        await loop.sock_sendall(conn, b"ok " + hello)
        conn.close()


async def accept_loop_ok(port):
    loop = asyncio.get_running_loop()
    listener = socket.create_server(("127.0.0.1", port))
    listener.setblocking(False)
    while True:
        conn, addr = await loop.sock_accept(listener)
        hello = await loop.sock_recv(conn, 64)
        await loop.sock_sendall(conn, b"ok " + hello)
        conn.close()
