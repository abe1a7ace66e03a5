"""Look-alikes: aliases of other types, queues of descriptors, records of files."""
import os
import queue
from typing import Dict, List, Tuple

Address = Tuple[str, int]
Spool = Tuple[int, Address]  # a descriptor from os.open, and where it came from


class Spooler:
    def __init__(self) -> None:
        self.spools: Dict[str, List[Spool]] = {}
        self.jobs: "queue.Queue[int]" = queue.Queue()

    def flush(self, name: str) -> None:
        for fd, addr in self.spools.get(name, []):
            os.fsync(fd)

    def drain(self) -> None:
        os.close(self.jobs.get())


def pipes():
    jobs = queue.Queue()
    r, w = os.pipe()
    jobs.put(r)
    os.read(jobs.get(), 10)
