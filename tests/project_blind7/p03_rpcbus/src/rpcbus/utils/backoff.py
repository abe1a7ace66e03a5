from __future__ import annotations

import random
import time


class Backoff:
    def __init__(self, base: float = 0.05, cap: float = 5.0) -> None:
        self.base = base
        self.cap = cap
        self.attempt = 0

    def sleep(self) -> None:
        delay = min(self.cap, self.base * (2 ** self.attempt))
        self.attempt += 1
        time.sleep(random.uniform(0, delay))

    def reset(self) -> None:
        self.attempt = 0
