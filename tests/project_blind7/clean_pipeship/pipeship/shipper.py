import os
import socket
import subprocess

import serial

from ._compat import write_fd


def forward(data, sink):
    """Send *data* to a socket or write it to a descriptor."""
    if isinstance(sink, socket.socket):
        sink.sendall(data)
    else:
        write_fd(sink, data)


def ship_command(cmd, shipper):
    """Run *cmd* and ship each line of its output."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    for line in proc.stdout:
        shipper.ship(line)
    return proc.wait()


def ship_command_via_pipe(cmd, sink_fd):
    r, w = os.pipe()
    proc = subprocess.Popen(cmd, stdout=w)
    os.close(w)
    try:
        while True:
            chunk = os.read(r, 65536)
            if not chunk:
                break
            forward(chunk, sink_fd)
    finally:
        os.close(r)
    return proc.wait()


def ship_serial(device, shipper, baudrate=115200):
    port = serial.Serial(device, baudrate, timeout=1)
    try:
        while True:
            chunk = os.read(port.fileno(), 512)
            if chunk:
                shipper.ship(chunk)
    finally:
        port.close()
