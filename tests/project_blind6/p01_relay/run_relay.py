#!/usr/bin/env python3
"""Developer entry point: connect and let a shell command consume the stream."""

import subprocess
import sys

from relay import *  # noqa: F401,F403


def run_filter(host: str, command: list[str]) -> int:
    s = open_connection(host, DEFAULT_PORT)
    try:
        proc = subprocess.run(command, stdin=s, check=False)  # error: WSK301
        return proc.returncode
    finally:
        s.close()


def run_filter_piped(host: str, command: list[str]) -> int:
    s = open_connection(host, DEFAULT_PORT)
    with s:
        payload = s.recv(65536)
    proc = subprocess.run(command, input=payload, check=False)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(run_filter(sys.argv[1], sys.argv[2:] or ["cat"]))
