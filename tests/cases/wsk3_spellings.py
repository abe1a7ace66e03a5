"""The same handle, spelled the ways real code spells it."""
import ctypes
import os
import socket
import typing

crt = ctypes.CDLL("ucrtbase")


def by_getattr(address):
    sock = socket.create_connection(address)
    handle = getattr(sock, "fileno")()
    return os.read(handle, 16)  # error: WSK201


def unbound(address):
    sock = socket.create_connection(address)
    return os.dup(socket.socket.fileno(sock))  # error: WSK202


def unbound_proves_it(obj):
    return os.dup(socket.socket.fileno(obj))  # error: WSK202


def by_cast(obj: object):
    return os.fstat(typing.cast(socket.socket, obj).fileno())  # error: WSK205


def through_the_crt_dll(sock: socket.socket):
    ctypes.CDLL("msvcrt")._get_osfhandle(sock.fileno())  # error: WSK204
    ctypes.cdll.msvcrt._get_osfhandle(sock.fileno())  # error: WSK204
    return crt._open_osfhandle(ctypes.c_void_p(sock.detach()), 0)  # error: WSK204
