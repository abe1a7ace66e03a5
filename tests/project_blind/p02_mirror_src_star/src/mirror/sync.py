"""Manifest synchronisation."""

import hashlib
import os

from mirror.net.dial import *  # noqa: F403


def pull_manifest(addr):
    """Download the manifest and return it with its digest."""
    up = dial(addr)
    up.sendall(b"MANIFEST\n")
    chunks = []
    try:
        while True:
            chunk = os.read(up.fileno(), 4096)  # error: WSK201
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        up.close()
    body = b"".join(chunks)
    return body, hashlib.sha256(body).hexdigest()


def export_tls_handle(addr):
    """Hand the TLS connection to the native checksum DLL (Windows builds)."""
    import msvcrt

    tls = dial_tls(addr)
    return tls, msvcrt.get_osfhandle(tls.fileno())  # error: WSK204
