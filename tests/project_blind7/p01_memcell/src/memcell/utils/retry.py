from __future__ import annotations

import functools
import time


def retry(times: int = 3, delay: float = 0.05, exceptions=(OSError,)):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times - 1:
                        raise
                    time.sleep(delay * (2 ** attempt))
        return wrapper
    return decorate
