"""Runs the configured filter command with its stdin attached to the relay."""
from __future__ import annotations

import os
import subprocess

import relayd.factory as fac


def run_filter(cfg):
    ep = fac.open_endpoint(cfg)
    return subprocess.Popen(  # error: WSK301
        list(cfg.command),
        stdin=ep.sock,
        stdout=subprocess.PIPE,
        close_fds=True,
    )


def run_logged(cfg):
    factory = fac.EndpointFactory(cfg)
    ep = factory.build()
    with open(cfg.log_path, "ab") as log:
        proc = subprocess.run(list(cfg.command), stdout=log, stderr=subprocess.STDOUT, input=b"")
    ep.sock.sendall(b"done %d\n" % proc.returncode)
    factory.close_all()


def reader(cfg):
    ep = fac.open_endpoint(cfg)
    return os.fdopen(ep.sock.fileno(), "rb", buffering=0)  # error: WSK203
