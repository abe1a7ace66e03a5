"""Syslog tap for the Windows event forwarder.

Listens for syslog datagrams with Twisted, keeps a TCP control channel for
the management console, and hands the raw handles to the native event-log
bridge (eventbridge.dll), which wants C runtime descriptors.
"""
import ctypes
import msvcrt
import os

from twisted.internet import protocol, reactor
from twisted.protocols.basic import LineReceiver

_bridge = ctypes.CDLL("eventbridge.dll")


class SyslogTap(protocol.DatagramProtocol):
    def __init__(self, sink_path: str) -> None:
        self.sink = open(sink_path, "ab", buffering=0)

    def datagramReceived(self, datagram: bytes, addr) -> None:
        self.sink.write(datagram.rstrip(b"\n") + b"\n")
        os.fsync(self.sink.fileno())


class ControlProtocol(LineReceiver):
    delimiter = b"\n"

    def connectionMade(self) -> None:
        handle = self.transport.getHandle()
        # eventbridge reports on the console channel by itself
        self.crt_fd = msvcrt.open_osfhandle(handle.fileno(), os.O_WRONLY)  # error: WSK204
        _bridge.eb_attach_console(self.crt_fd)

    def lineReceived(self, line: bytes) -> None:
        if line == b"stats":
            os.write(self.transport.getHandle().fileno(), b"stats pending\n")  # error: WSK201
        elif line == b"quit":
            self.transport.loseConnection()


class ControlFactory(protocol.ServerFactory):
    protocol = ControlProtocol


def start(syslog_port: int = 514, control_port: int = 5140) -> None:
    udp_port = reactor.listenUDP(syslog_port, SyslogTap("syslog-tap.log"))
    udp_sock = udp_port.getHandle()
    # the bridge runs helper processes; do not leak the datagram socket
    os.set_inheritable(udp_sock.fileno(), False)  # error: WSK205
    reactor.listenTCP(control_port, ControlFactory(), interface="127.0.0.1")
    reactor.run()


if __name__ == "__main__":
    start()
