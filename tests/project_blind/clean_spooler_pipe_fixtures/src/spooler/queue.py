"""A job queue that writes length-prefixed jobs to a descriptor."""

import os


class JobQueue:
    def __init__(self, fd: int):
        self.fd = fd
        self.count = 0

    def submit(self, job: bytes) -> None:
        os.write(self.fd, len(job).to_bytes(4, "big") + job)
        self.count += 1
