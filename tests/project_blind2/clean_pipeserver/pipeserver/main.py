from __future__ import annotations

import os
import subprocess

from . import fdtools
from .chanio import write
from .pipes import PipeChannel


def run(spool_path, argv):
    r, w = os.pipe()
    fdtools.make_private(r)
    child = subprocess.Popen(argv, stdout=w, stderr=subprocess.STDOUT)
    os.close(w)
    out = fdtools.drain(r)
    fdtools.close_fd(r)
    child.wait()

    sock = os.open(spool_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.write(sock, out)
    backup = fdtools.clone(sock)
    os.fsync(backup)
    fdtools.close_fd(backup)
    fdtools.close_fd(sock)

    ch = PipeChannel("spool")
    ch.wait()
    write(ch, out)
    with open(spool_path, "rb") as fh:
        subprocess.run(argv, stdin=fh, check=False)
    ch.close()
