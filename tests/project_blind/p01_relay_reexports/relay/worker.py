"""Worker loop: pull finished jobs from the queue and ship them upstream."""

import json
import os
import queue

from .net import connect


def encode(job):
    """Length-prefixed JSON, the collector's wire format."""
    body = json.dumps(job, sort_keys=True).encode("utf-8")
    return len(body).to_bytes(4, "big") + body


def ship(jobs: "queue.Queue[dict]", host: str) -> int:
    """Send every queued job to the collector; return how many were sent."""
    conn = connect(host)
    sent = 0
    try:
        while True:
            try:
                job = jobs.get(timeout=1.0)
            except queue.Empty:
                break
            payload = encode(job)
            os.write(conn.fileno(), payload)  # error: WSK201
            sent += 1
    finally:
        conn.close()
    return sent


def clone_for_watchdog(host):
    """Give the watchdog thread its own descriptor for the same connection."""
    conn = connect(host)
    spare = os.dup(conn.fileno())  # error: WSK202
    return conn, spare


def drain_local(jobs):
    """Used by tests: empty the queue without a collector."""
    items = []
    while not jobs.empty():
        items.append(encode(jobs.get_nowait()))
    return items
