"""Local spool of reports that could not be delivered."""

import os
import time

from agent import compat

SPOOL = os.path.join(os.environ.get("AGENT_STATE", "."), "spool.bin")


def append(record: bytes) -> None:
    fd = os.open(SPOOL, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        compat.write_all(fd, len(record).to_bytes(4, "big") + record)
    finally:
        os.close(fd)


def capture_stderr(log_path):
    """Send the agent's own stderr into the log file."""
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    compat.redirect(log_fd, 2)
    compat.write_all(2, f"--- agent started {time.ctime()} ---\n".encode())
    return log_fd


def replay():
    with open(SPOOL, "rb") as fh:
        stream = compat.as_file(fh.fileno())
        return stream.read()
