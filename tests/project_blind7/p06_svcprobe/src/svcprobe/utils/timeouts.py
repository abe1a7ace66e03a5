from __future__ import annotations

import time


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def expired(self) -> bool:
        return self.remaining() == 0.0


def wait_for(predicate, timeout: float = 5.0, interval: float = 0.01) -> bool:
    deadline = Deadline(timeout)
    while not deadline.expired():
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
