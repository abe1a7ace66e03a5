"""Batch exporters."""

import os
import sys

from .channel import Channel, open_channel

if sys.platform == "win32":
    import win32file


def export_batch(cfg, header, body):
    ch = open_channel(cfg)
    try:
        os.writev(ch.fileno(), [header, body])  # error: WSK201
    finally:
        ch.close()


class WindowsExporter:
    """Uses the same write path as the ETW bridge."""

    def __init__(self, cfg):
        self.channel = Channel(cfg)

    def flush(self, blob):
        win32file.WriteFile(self.channel.sock.fileno(), blob)  # error: WSK102

    def close(self):
        self.channel.close()


def reconnect(cfg):
    return open_channel(cfg)
