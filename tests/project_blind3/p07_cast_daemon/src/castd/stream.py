"""Async media streaming, discovery announcements and HTTP probing."""
import asyncio
import http.client
import os
import struct
import sys

import _winapi

from .net.tls import mdns_socket


async def open_media_fd(host, port):
    """Give the C-level encoder a descriptor for the media connection."""
    reader, writer = await asyncio.open_connection(host, port)
    sock = writer.get_extra_info("socket")
    if sys.platform == "win32":
        import msvcrt

        fd = msvcrt.open_osfhandle(sock.fileno(), os.O_WRONLY)  # error: WSK204
    else:
        fd = sock.fileno()
    return reader, writer, fd


def announce(name):
    label = name.encode("utf-8")
    packet = struct.pack(">HHHHHH", 0, 0x8400, 0, 1, 0, 0) + bytes([len(label)]) + label + b"\x00"
    _winapi.WriteFile(mdns_socket().fileno(), packet)  # error: WSK102


def announce_send(name):
    label = name.encode("utf-8")
    mdns_socket().send(struct.pack(">HHHHHH", 0, 0x8400, 0, 1, 0, 0) + bytes([len(label)]) + label)


def probe(host):
    conn = http.client.HTTPConnection(host, 8008, timeout=2)
    conn.connect()
    watcher_fd = os.dup(conn.sock.fileno())  # error: WSK202
    conn.request("GET", "/setup/eureka_info")
    resp = conn.getresponse()
    return resp.status, watcher_fd
