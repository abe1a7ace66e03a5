import os


def write_handle(fd: int, data: bytes) -> int:
    return os.write(fd, data)


def read_handle(fd: int, size: int) -> bytes:
    return os.read(fd, size)
