"""Log collector: syslog over UDP plus a framed TCP forwarder, on asyncio.

Datagrams are parsed in ``SyslogProtocol``; forwarders connect over TCP and
stream length-prefixed batches that are acknowledged from a worker thread.
"""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import sys

LOG = logging.getLogger("collector")


class SyslogProtocol(asyncio.DatagramProtocol):
    def __init__(self, sink: list[str]) -> None:
        self.sink = sink
        self.sock = None
        self.transport = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.sock = transport.get_extra_info("socket")
        # rotated helpers are spawned with close_fds=False; keep this port private
        os.set_inheritable(self.sock.fileno(), False)  # error: WSK205

    def datagram_received(self, data: bytes, addr) -> None:
        text = data.decode("utf-8", "replace").rstrip("\n")
        self.sink.append(f"{addr[0]} {text}")


class ForwardProtocol(asyncio.BufferedProtocol):
    def __init__(self, loop: asyncio.AbstractEventLoop, sink: list[str]) -> None:
        self._loop = loop
        self._sink = sink
        self._buf = bytearray(65536)
        self._raw = None
        self._count = 0

    def connection_made(self, transport) -> None:
        self._transport = transport
        self._raw = transport.get_extra_info("socket")
        LOG.info("forwarder %s connected", transport.get_extra_info("peername"))

    def get_buffer(self, sizehint: int) -> bytearray:
        return self._buf

    def buffer_updated(self, nbytes: int) -> None:
        chunk = bytes(self._buf[:nbytes])
        self._sink.extend(chunk.decode("utf-8", "replace").splitlines())
        self._count += 1
        self._loop.run_in_executor(None, self._ack, self._count)

    def _ack(self, seq: int) -> None:
        os.write(self._raw.fileno(), b"ACK %d\n" % seq)  # error: WSK201

    def connection_lost(self, exc) -> None:
        LOG.info("forwarder gone: %s", exc)


class CompressorProtocol(asyncio.SubprocessProtocol):
    """Output of the gzip child that archives the collected lines."""

    def connection_made(self, transport) -> None:
        self.transport = transport

    def pipe_data_received(self, fd: int, data: bytes) -> None:
        pipe = self.transport.get_pipe_transport(fd).get_extra_info("pipe")
        if pipe is not None:
            LOG.debug("pipe %d mode %o", fd, os.fstat(pipe.fileno()).st_mode)


async def main(port: int = 5514) -> None:
    loop = asyncio.get_running_loop()
    sink: list[str] = []
    udp, _ = await loop.create_datagram_endpoint(lambda: SyslogProtocol(sink), local_addr=("0.0.0.0", port))
    server = await loop.create_server(lambda: ForwardProtocol(loop, sink), "0.0.0.0", port + 1)

    admin = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    admin.bind(("127.0.0.1", port + 2))
    admin.listen()
    admin.setblocking(False)
    while True:
        conn, _ = await loop.sock_accept(admin)
        cmd = (await loop.sock_recv(conn, 64)).strip()
        if cmd == b"dump":
            await loop.sock_sendall(conn, "\n".join(sink).encode())
        elif cmd == b"top":
            # one-shot report written straight to the admin client
            subprocess.run([sys.executable, "-m", "collector.top"], stdout=conn, timeout=10)  # error: WSK301
        elif cmd == b"quit":
            conn.close()
            break
        conn.close()
    server.close()
    udp.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
