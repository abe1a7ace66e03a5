"""Instrument bus access through the vendor SDKs (installed separately)."""

import os
import sys

from hwlink.transport import open_link
from vendor_sdk import create_connection

if sys.platform == "win32":
    import win32file


def read_status(port_name):
    link = open_link(port_name, baud=115200)
    try:
        return os.read(link.fileno(), 64)
    finally:
        link.close()


def push_firmware(port_name, image):
    link = open_link(port_name)
    win32file.WriteFile(link.fileno(), image)
    link.close()


def usb_probe(serial):
    conn = create_connection(f"usb://{serial}")
    data = os.read(conn.fileno(), 16)
    os.close(conn.fileno())
    return data
