"""Submit jobs to the broker over pooled connections."""
import json
import os
import uuid

from pool import get_pool


def submit(kind: str, payload: dict) -> str:
    job_id = uuid.uuid4().hex
    record = json.dumps({"id": job_id, "kind": kind, "payload": payload}).encode() + b"\n"
    conn = get_pool().acquire()
    try:
        os.set_blocking(conn.fileno(), True)  # error: WSK205
        os.write(conn.fileno(), record)  # error: WSK201
        ack = conn.recv(64)
    finally:
        get_pool().release(conn)
    if not ack.startswith(b"OK"):
        raise RuntimeError(f"broker refused job {job_id}: {ack!r}")
    return job_id


def write_receipt(path: str, job_id: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, f"{job_id}\n".encode())
        os.fsync(fd)
    finally:
        os.close(fd)
