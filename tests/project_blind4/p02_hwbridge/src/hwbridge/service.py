"""Operations the bench UI calls."""
from __future__ import annotations

import socket

from .pipechan import PipeChannel
from .sockchan import SocketChannel

OP_LOAD_CALIBRATION = 0x21
OP_STATUS = 0x01


def upload_calibration(host: str, port: int, table: bytes) -> bytes:
    chan = SocketChannel(socket.create_connection((host, port), timeout=3.0))
    try:
        chan.flush(bytes([OP_LOAD_CALIBRATION]) + table)  # error: WSK102
        return chan.read_reply()
    finally:
        chan.close()


def upload_calibration_local(table: bytes, pipe_name: str = "benchctl") -> bytes:
    chan = PipeChannel(pipe_name)
    try:
        chan.flush(bytes([OP_LOAD_CALIBRATION]) + table)
        return chan.read_reply()
    finally:
        chan.close()


def local_status(pipe_name: str = "benchctl") -> bytes:
    chan = PipeChannel(pipe_name)
    try:
        chan.send_command(OP_STATUS)
        return chan.read_reply(256)
    finally:
        chan.close()
