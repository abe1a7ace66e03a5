"""``check_source``: the one entry point every front end calls.

The gate runs first and decides most files without LibCST (which is only imported
when a file passes it). LibCST's native parser recurses on the C stack and can
overflow it on long expression chains that Python accepts (a few thousand ``and``
terms), which would kill the process; so the parse and the analysis run in a thread
with a large stack, and a RecursionError costs one statement, not the run.
"""

from __future__ import annotations

import ast
import sys
import threading

from .finding import Finding, not_analysed
from .prefilter import may_contain_finding

STACK_SIZE = 512 * 1024 * 1024  # reserved, not committed: pages are used as touched
RECURSION_LIMIT = 20_000


def check_source(source: str, filename: str = "<string>", *, python_parsed: bool = False) -> list[Finding]:
    """Every finding in one module's source text. Never raises for bad input.

    ``python_parsed`` says the caller has already seen Python parse the text (flake8
    has); otherwise a text Python rejects gives one WSK900 and nothing else.
    """
    if not may_contain_finding(source):
        return []
    if not python_parsed:
        try:
            ast.parse(source, filename)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
            line = getattr(error, "lineno", None) or 1
            return [not_analysed(f"Python cannot parse it ({type(error).__name__}: {error})", line)]
    result: list[Finding] = []

    def work() -> None:
        try:
            from .analysis import analyse

            result.extend(analyse(source))
        except Exception as error:  # the lint run goes on: say why, report nothing else
            result[:] = [not_analysed(f"internal error ({type(error).__name__}: {error})")]

    limit = sys.getrecursionlimit()
    previous_stack = threading.stack_size(STACK_SIZE)
    sys.setrecursionlimit(max(limit, RECURSION_LIMIT))
    try:
        thread = threading.Thread(target=work, name="flake8-winsock")
        thread.start()
        thread.join()
    finally:
        threading.stack_size(previous_stack)
        sys.setrecursionlimit(limit)
    return result
