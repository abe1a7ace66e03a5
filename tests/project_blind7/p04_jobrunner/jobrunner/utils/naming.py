import itertools
import os

_counter = itertools.count(1)


def worker_name(prefix="worker"):
    return f"{prefix}-{os.getpid()}-{next(_counter)}"
