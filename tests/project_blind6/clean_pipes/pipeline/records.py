from __future__ import annotations

from dataclasses import dataclass

from .channels import open_pipe


@dataclass
class Lease:
    handle: int
    pid: int


def lease_pipe(pid: int) -> tuple[Lease, int]:
    r, w = open_pipe()
    return Lease(handle=r, pid=pid), w
