"""Optional pyserial backend (third-party; not part of this project)."""
import os

import serial
from serial.tools import list_ports


def first_port():
    ports = list(list_ports.comports())
    return serial.Serial(ports[0].device, 115200, timeout=1) if ports else None


def poke(port):
    conn = serial.Serial(port, 9600)
    os.write(conn.fileno(), b"\x03")
    return conn
