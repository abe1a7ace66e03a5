"""Helpers that give back the handle of what they are given: no socket, no sink here."""


def raw(s):
    return s.fileno()


def same(fd):
    return fd
