"""Descriptor helper shared by the bridges."""
import os


def write_handle(fd: int, data: bytes) -> int:
    return os.write(fd, data)
