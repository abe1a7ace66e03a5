from __future__ import annotations

import time


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def elapsed_ms(self) -> float:
        return 1000 * (time.perf_counter() - self.start)
