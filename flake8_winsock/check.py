"""``check_source``: the one entry point every front end calls.

The gate runs first and decides most files without LibCST (which is only imported
when a file passes it). LibCST's native parser recurses on the C stack and can
overflow it on long expression chains that Python accepts (a few thousand ``and``
terms), which would kill the process; so the parse and the analysis run in a thread
with a large stack, and a RecursionError costs one statement, not the run.
"""

from __future__ import annotations

import ast
import gc
import re
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from . import catalog
from .finding import TOO_DEEP, Finding, nested_too_deeply, not_analysed
from .gate import gate
from .refusals import LINES, blanked
from .slicing import Slice, slice_module
from .vocabulary import vocabulary

STACK_SIZE = 512 * 1024 * 1024  # reserved, not committed: pages are used as touched
RECURSION_LIMIT = 20_000


def check_source(
    source: str,
    filename: str = "<string>",
    *,
    python_parsed: bool = False,
    tree: Optional[ast.Module] = None,
    socket_factories: Iterable[str] = (),
    handle_sinks: Iterable[str] = (),
    posix_decorators: Iterable[str] = (),
) -> list[Finding]:
    """Every finding in one module's source text. Never raises for bad input.

    ``python_parsed`` says the caller has already seen Python parse the text (flake8
    has, and hands over its ``tree``); otherwise a text Python rejects gives one
    WSK900 and nothing else. ``socket_factories`` and ``handle_sinks`` are a project's
    own (see ``catalog.knowledge``); a malformed one raises ValueError.
    """
    knowledge = catalog.knowledge(tuple(socket_factories), tuple(handle_sinks), tuple(posix_decorators))
    checks = gate(knowledge)
    source = source.removeprefix("\ufeff")  # a BOM, as flake8 and Python's own reader drop it
    if not checks.may_contain_finding(source):
        return []
    if tree is None:
        try:
            tree = ast.parse(source, filename)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
            if not python_parsed:
                line = getattr(error, "lineno", None) or 1
                return [not_analysed(f"Python cannot parse it ({type(error).__name__}: {error})", line)]
    if tree is None:
        sliced: Optional[Slice] = Slice(source)
    else:
        with collector_paused():  # the slice makes many short-lived objects; what stays is collected after
            sliced = slice_module(source, tree, vocabulary(knowledge))
    if sliced is None:  # no statement can hold a finding: LibCST is not needed
        return []
    text, skipped = _without_deep_statements(sliced.text)
    result = [nested_too_deeply(sliced.line(line)) for line in skipped[:1]]

    try:
        from .analysis import analyse

        found = run_deep(lambda: analyse(sliced._replace(text=text), whole=source, knowledge=knowledge))
    except Exception as error:  # the lint run goes on: say why, report nothing else
        return [not_analysed(f"internal error ({type(error).__name__}: {error})")]
    return result + [f for f in found if not (result and TOO_DEEP in f.text)]  # one such WSK900 a file


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


# LibCST's parse time grows much faster than linearly with expression depth (a
# 2,900-deep subscript chain takes seconds to minutes); no real code nests that deep.
# Statements deeper than this are left out before LibCST sees the text.
MAX_DEPTH = 250
_LONG_LINE = re.compile(r"[^\n]{%d}" % MAX_DEPTH)  # such nesting needs a long line


def _without_deep_statements(source: str) -> tuple[str, list[int]]:
    """The text with too deeply nested statements replaced by ``pass``, and their lines.

    Line numbers are kept: the replaced span becomes ``pass`` followed by backslash
    continuations. Only texts with a long line pay for the ``ast`` walk.
    """
    if not _LONG_LINE.search(source):
        return source, []
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return source, []
    deep: list[ast.stmt] = []
    stack: list[tuple[ast.AST, int, ast.stmt | None]] = [(tree, 0, None)]
    while stack:
        node, depth, statement = stack.pop()
        if isinstance(node, ast.stmt):
            statement, depth = node, 0
        elif depth > MAX_DEPTH and statement is not None:
            if not deep or deep[-1] is not statement:
                deep.append(statement)
            continue
        for child in ast.iter_child_nodes(node):
            stack.append((child, depth + 1, statement))
    if not deep:
        return source, []
    return blanked(LINES.findall(source), deep), sorted(s.lineno for s in set(deep))
