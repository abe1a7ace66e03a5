"""Look-alikes of the handle spellings: files, pipes and casts to other types."""
import ctypes
import io
import os
import socket
import typing

crt = ctypes.CDLL("ucrtbase")
libc = ctypes.CDLL("libc.so.6")


def by_getattr(path):
    sock = open(path, "rb")
    handle = getattr(sock, "fileno")()
    return os.read(handle, 16)


def maybe_method(sock: socket.socket):
    fileno = getattr(sock, "fileno", None)  # a default: it may be anything
    return fileno


def by_cast(obj: object):
    return os.fstat(typing.cast(io.BufferedReader, obj).fileno())


def through_the_crt_dll(path):
    with open(path) as f:
        ctypes.CDLL("msvcrt")._get_osfhandle(f.fileno())
        return crt._get_osfhandle(f.fileno())


def posix_libc(sock: socket.socket):
    return libc.read(sock.fileno(), None, 0)
