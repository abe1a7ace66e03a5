from __future__ import annotations

import subprocess

from agent.link import link


def run_probe(argv):
    return subprocess.run(argv, stdout=link.sock, check=True, timeout=30)  # error: WSK301


def run_probe_piped(argv):
    out = subprocess.run(argv, stdout=subprocess.PIPE, check=True, timeout=30).stdout
    link.sock.sendall(out)
    return len(out)
