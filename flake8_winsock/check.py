"""``check_source``: the one entry point every front end calls.

The gate runs first and decides most files without LibCST (which is only imported
when a file passes it). LibCST's native parser recurses on the C stack and can
overflow it on long expression chains that Python accepts (a few thousand ``and``
terms), which would kill the process; so the parse and the analysis run in a thread
with a large stack, and a RecursionError costs one statement, not the run.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from typing import Iterable, Optional

from . import catalog
from .deep import collector_paused, run_deep
from .finding import MAX_MODULE_SIZE, TOO_DEEP, Finding, findings_data, findings_from, nested_too_deeply, not_analysed, over_budget
from .gate import Gate, gate
from .project import Project
from .project.index import digest, own_fixtures
from .refusals import LINES, blanked
from .slicing import Slice, slice_module
from .vocabulary import vocabulary



def check_source(
    source: str,
    filename: str = "<string>",
    *,
    python_parsed: bool = False,
    tree: Optional[ast.Module] = None,
    socket_factories: Iterable[str] = (),
    handle_sinks: Iterable[str] = (),
    posix_decorators: Iterable[str] = (),
    project: Optional[Project] = None,
    max_module_size: int = MAX_MODULE_SIZE,
) -> list[Finding]:
    """Every finding in one module's source text. Never raises for bad input.

    ``python_parsed`` says the caller has already seen Python parse the text (flake8
    has, and hands over its ``tree``); otherwise a text Python rejects gives one
    WSK900 and nothing else. ``socket_factories`` and ``handle_sinks`` are a project's
    own (see ``catalog.knowledge``); a malformed one raises ValueError. ``project``,
    the project around ``filename``: what the module imports of it is known too, and
    its cache keeps results. A module larger than ``max_module_size`` characters that
    could hold a finding is not analysed: one WSK900 says so (the budget that keeps time
    and memory bounded whatever the input).
    """
    knowledge = catalog.knowledge(tuple(socket_factories), tuple(handle_sinks), tuple(posix_decorators))
    source = source.removeprefix("\ufeff")  # a BOM, as flake8 and Python's own reader drop it
    cache = project.cache if project is not None else None
    key = cache.key("result", os.path.abspath(filename), digest(source.encode("utf-8", "surrogatepass"))) if cache else ""
    if cache is not None and project is not None:  # a result of an earlier run, its inputs unchanged
        entry = cache.load(key)
        kept = findings_from(entry.get("findings")) if entry is not None and project.unchanged(entry["deps"]) else None
        if kept is not None:
            return kept
    view = project.view(filename, source) if project is not None and os.path.isfile(filename) else None
    fixtures = own_fixtures(source)
    if view is not None or fixtures:
        knowledge = dataclasses.replace(knowledge, project=view, fixtures=fixtures)
    checks = gate(knowledge) if view is None and not fixtures else Gate(vocabulary(knowledge))
    if not checks.may_contain_finding(source):
        return []
    if len(source) > max_module_size:  # before Python's tree, the slice and LibCST: none is built
        return [over_budget(len(source), max_module_size)]
    found = _findings(source, filename, python_parsed, tree, knowledge)
    if cache is not None and not any(f.code == "WSK900" and "internal error" in f.text for f in found):
        # What the model was given from other modules: the summaries it read and the files they
        # were made from. (The words that let the file through the gate only over-approximate.)
        cache.store(key, {"findings": findings_data(found), "deps": view.used if view is not None else {}})
    return found


def _findings(source: str, filename: str, python_parsed: bool, tree: Optional[ast.Module], knowledge: catalog.Knowledge) -> list[Finding]:
    """The findings of a text the gate let through: the pre-pass, then LibCST and the model."""
    if tree is None:
        try:
            tree = ast.parse(source, filename)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
            if not python_parsed:
                line = getattr(error, "lineno", None) or 1
                return [not_analysed(f"Python cannot parse it ({type(error).__name__}: {error})", line)]
    if tree is None or knowledge.fixtures or _dense(source, tree, knowledge):  # (a fixture reaches a test by its name alone)
        sliced: Optional[Slice] = Slice(source)  # the whole text
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


DENSE_SIZE = 200_000  # characters: below this the pre-pass costs little whatever it keeps
DENSE_SHARE = 50  # one line in this many both takes a handle and calls a sink: the pre-pass would keep it all


def _dense(source: str, tree: ast.Module, knowledge: catalog.Knowledge) -> bool:
    """Whether a large module is so dense with sink calls given handles (``os.write(s.fileno(),
    ...)``, read from Python's tree: words in strings do not count) that the pre-pass would
    keep nearly all of it; its cost then buys nothing: the whole text goes to LibCST, which
    the pre-pass may only ever widen to."""
    if len(source) < DENSE_SIZE:
        return False
    vocab = vocabulary(knowledge)

    def name(func: ast.expr) -> str:
        return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""

    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    handles = {id(call) for call in calls if name(call.func) in vocab.handle_words}
    both = sum(1 for call in calls if name(call.func) in vocab.sink_words and any(id(arg) in handles for arg in call.args))
    return both * DENSE_SHARE >= source.count("\n") + 1


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
