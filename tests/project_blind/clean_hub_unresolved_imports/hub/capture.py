"""Capture instrument output with the third-party capture tool."""

import os

import instrumentkit as ik


def capture(addr, path):
    dev = ik.connect(addr)
    with open(path, "wb") as out:
        out.write(dev.read_block())
    stream = os.fdopen(dev.fileno(), "rb", closefd=False)
    return stream.read(1)
