"""Look-alikes: the same library objects used through their own methods and Winsock-safe
calls."""
import socket
import telnetlib

from curio import socket as csocket
from twisted.internet import protocol, reactor


def banner(host: str) -> bytes:
    tn = telnetlib.Telnet(host, 23, 5)
    tn.write(b"\r\n")
    tn.sock.setblocking(True)
    return tn.read_until(b"login:", 5)


def ports(handler: protocol.DatagramProtocol) -> None:
    udp = reactor.listenUDP(514, handler)
    udp.getHandle().setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    udp.getHandle().set_inheritable(False)


async def tunnel(host: str) -> None:
    upstream = csocket.socket(csocket.AF_INET, csocket.SOCK_STREAM)
    await upstream.connect((host, 80))
    await upstream.sendall(b"GET / HTTP/1.0\r\n\r\n")
