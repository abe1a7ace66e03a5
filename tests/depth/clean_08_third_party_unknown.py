"""Instrument bridge: talks to lab instruments through vendor libraries.

Nothing here is known to be a socket: the vendor objects are opaque, the
multiprocessing connections are named pipes, and ``.sock``/``.request`` are
just attribute names.
"""
import multiprocessing.connection as mpc
import os
import subprocess

import _winapi
import serial
import win32file
from labtools.transport import connect_instrument
from sshtunnel_lite import open_channel

from .compat import make_channel

PIPE_ADDRESS = r"\\.\pipe\instrument-bridge"


def query_idn(resource: str) -> bytes:
    sock = connect_instrument(resource, timeout=2.0)
    os.write(sock.fileno(), b"*IDN?\n")
    return os.read(sock.fileno(), 256)


def serial_send(port_name: str, data: bytes) -> None:
    port = serial.Serial(port_name, 115200, timeout=1)
    try:
        win32file.WriteFile(port._port_handle, data)
    finally:
        port.close()


def tunnel_stdio(host: str, cmd: list[str]) -> int:
    chan = open_channel(host, "instrument-shell")
    conn = chan.sock
    os.set_inheritable(conn.fileno(), True)
    return subprocess.call(cmd, stdin=conn.fileno(), stdout=conn.fileno())


def compat_stream(name: str):
    ch = make_channel(name)
    return os.fdopen(ch.fileno(), "r+b", buffering=0)


class BridgeServer:
    """Serves the GUI process over a named pipe (multiprocessing.connection)."""

    def __init__(self) -> None:
        self.listener = mpc.Listener(PIPE_ADDRESS, family="AF_PIPE")

    def serve_one(self) -> None:
        conn = self.listener.accept()
        request = conn.recv_bytes()
        # PipeConnection.fileno() is a pipe handle: WriteFile is the right call
        win32file.WriteFile(conn.fileno(), b"ACK " + request)
        conn.close()


def notify_gui(message: bytes) -> None:
    client = mpc.Client(PIPE_ADDRESS, family="AF_PIPE")
    _winapi.WriteFile(client.fileno(), message)
    client.close()


class Job:
    def __init__(self, path: str) -> None:
        self.request = open(path, "rb")
        self.connection = connect_instrument("TCPIP0::10.0.0.7::inst0::INSTR")

    def size(self) -> int:
        return os.fstat(self.request.fileno()).st_size

    def detach_instrument(self) -> int:
        return os.dup(self.connection.fileno())
