"""Flush buffered metric lines to their destination."""
import logging
import os

import relay.transports.local as local
from relay import FACTORIES

log = logging.getLogger(__name__)


def flush_tcp(host, port, lines):
    conn = FACTORIES["tcp"](host, port)
    try:
        payload = "\n".join(lines).encode("ascii") + b"\n"
        while payload:
            n = os.write(conn.fileno(), payload)  # error: WSK201
            payload = payload[n:]
    finally:
        conn.close()


def flush_spool(path, lines):
    out = FACTORIES["file"](path)
    with out:
        os.write(out.fileno(), "\n".join(lines).encode("ascii") + b"\n")
        os.fsync(out.fileno())
    log.debug("spooled %d lines to %s", len(lines), path)


def flush_udp(host, port, lines):
    conn = FACTORIES["udp"](host, port)
    with conn:
        for line in lines:
            conn.send(line.encode("ascii"))


def forward(lines, encoding="ascii"):
    """Stream lines to the local agent (TCP)."""
    sock = local.connect_agent()
    try:
        with os.fdopen(sock.fileno(), "wb", closefd=False) as stream:  # error: WSK203
            for line in lines:
                stream.write(line.encode(encoding) + b"\n")
    finally:
        sock.close()


def forward_buffered(lines, encoding="ascii"):
    sock = local.connect_agent()
    with sock, sock.makefile("wb") as stream:
        for line in lines:
            stream.write(line.encode(encoding) + b"\n")
