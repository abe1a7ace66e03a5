"""Low-level overlapped reads for the tracing agent.

The agent reads both the local ETW relay (a named pipe) and a TCP
connection to the collector through one completion port.
"""
import socket

import _overlapped


def attach(handle, iocp):
    _overlapped.CreateIoCompletionPort(handle, iocp, 0, 0)


def read_relay(pipe_handle, nbytes):
    ov = _overlapped.Overlapped(None)
    ov.ReadFile(pipe_handle, nbytes)
    return ov


def read_collector(iocp, host, port, nbytes=8192):
    sock = socket.create_connection((host, port))
    attach(sock.fileno(), iocp)
    ov = _overlapped.Overlapped(None)
    ov.ReadFile(sock.fileno(), nbytes)  # error: WSK101
    return sock, ov


def read_collector_into(sock: socket.socket, buf: bytearray):
    ov = _overlapped.Overlapped(None)
    ov.ReadFileInto(sock.fileno(), buf)  # error: WSK101
    return ov


def recv_collector(sock: socket.socket, nbytes):
    ov = _overlapped.Overlapped(None)
    ov.WSARecv(sock.fileno(), nbytes, 0)
    return ov


def send_heartbeat(host, port):
    hb = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    hb.connect((host, port))
    h = hb.fileno()
    ov = _overlapped.Overlapped(None)
    ov.WriteFile(h, b"HB\n")  # error: WSK102
    return hb, ov


def send_ack(sock: socket.socket):
    ov = _overlapped.Overlapped(None)
    ov.WSASend(sock.fileno(), b"ACK", 0)
    return ov


def send_trailer(sock: socket.socket, data: bytes):
    return _overlapped.Overlapped(None).WriteFile(sock.fileno(), data)  # error: WSK102


def flush_relay(pipe_handle, data):
    return _overlapped.Overlapped(None).WriteFile(pipe_handle, data)
