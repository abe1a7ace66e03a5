"""Library objects whose sockets leave the library: telnetlib's, Twisted's listening ports
(TCP and UDP), curio's sockets, a paramiko Transport made around a socket."""
import os
import socket
import telnetlib

import paramiko
from curio import socket as csocket
from twisted.internet import protocol, reactor


def banner(host: str) -> None:
    tn = telnetlib.Telnet(host, 23, 5)
    os.write(tn.sock.fileno(), b"\r\n")  # error: WSK201


def ports(handler: protocol.DatagramProtocol) -> None:
    udp = reactor.listenUDP(514, handler)
    os.set_inheritable(udp.getHandle().fileno(), False)  # error: WSK205
    tcp = reactor.listenTCP(5140, protocol.ServerFactory())
    os.dup(tcp.getHandle().fileno())  # error: WSK202


async def tunnel(host: str) -> None:
    upstream = csocket.socket(csocket.AF_INET, csocket.SOCK_STREAM)
    await upstream.connect((host, 80))
    os.dup(upstream.fileno())  # error: WSK202


def ssh(host: str) -> None:
    transport = paramiko.Transport(socket.create_connection((host, 22)))
    os.read(transport.sock.fileno(), 4)  # error: WSK201
