"""Running LibCST where it can recurse: a thread with a large stack, the collector paused.

LibCST's native parser recurses on the C stack and can overflow it on long expression
chains that Python accepts (a few thousand ``and`` terms), which would kill the
process; so parses and the model run in a thread with a large stack, and a
RecursionError costs one statement, not the run.
"""

from __future__ import annotations

import gc
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

STACK_SIZE = 512 * 1024 * 1024  # reserved, not committed: pages are used as touched
RECURSION_LIMIT = 20_000


T = TypeVar("T")


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: LibCST's parse and the slice make many
    small objects, and the collector's passes over them (and over all else the process
    holds) cost about 15% of the parse. What becomes garbage is collected afterwards."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def run_deep(work: Callable[[], T]) -> T:
    """Run ``work`` where LibCST can recurse: a thread with a large stack and frame limit,
    and the garbage collector paused.

    What ``work`` raises is raised again here, in the caller's thread.
    """
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:
            outcome.append((False, error))

    limit = sys.getrecursionlimit()
    previous_stack = threading.stack_size(STACK_SIZE)
    sys.setrecursionlimit(max(limit, RECURSION_LIMIT))
    try:
        with collector_paused():
            thread = threading.Thread(target=run, name="flake8-winsock")
            thread.start()
            thread.join()
    finally:
        threading.stack_size(previous_stack)
        sys.setrecursionlimit(limit)
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]  # what ``work`` returned


