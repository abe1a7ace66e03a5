"""From source text to placed findings: parse, one analysis walk, positions, messages."""

from __future__ import annotations

import ast
from typing import Iterable, Optional, Union

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from .. import catalog
from ..finding import Finding, nested_too_deeply, not_analysed
from ..focus import Focused
from .checker import Checker, RawFinding
from .values import Handle


def analyse(
    source: Union[str, Focused], whole: Optional[str] = None, knowledge: catalog.Knowledge = catalog.CATALOG
) -> list[Finding]:
    """Parse with LibCST, run the checker, and place its findings.

    ``source`` may be the statements of a module that can matter (see ``focus``);
    should LibCST refuse that text, the ``whole`` module is analysed instead.
    """
    texts = [source if isinstance(source, Focused) else Focused(source)]
    if whole is not None and whole != texts[0].text:
        texts.append(Focused(whole))
    for text in texts:
        try:
            module = cst.parse_module(text.text)
        except Exception as error:
            if text is texts[-1]:
                return [_unparsable(error, text)]
            continue
        return _analyse(module, text, knowledge)
    raise AssertionError("unreachable")


def _unparsable(error: Exception, source: Focused) -> Finding:
    if isinstance(error, cst.ParserSyntaxError):
        line, col = _inside(source.text, error.raw_line, error.raw_column)
        return not_analysed(f"LibCST cannot parse it: {error.message}", source.line(line), col)
    if isinstance(error, RecursionError):
        return not_analysed("LibCST cannot parse it: nesting too deep")
    return not_analysed(f"LibCST cannot parse it ({type(error).__name__}: {error})")


def _analyse(module: cst.Module, source: Focused, knowledge: catalog.Knowledge) -> list[Finding]:
    checker = Checker(knowledge)
    checker.analyse(module)
    if not checker.findings and not checker.too_deep:
        return []
    places = Places(module, source)
    findings = {_finding(raw, places) for raw in checker.findings}
    for top in checker.too_deep[:1]:
        findings.add(nested_too_deeply(places.first_line(top)))
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))


class Places:
    """Positions of nodes, computed only for the module-level statements that need them.

    LibCST's PositionProvider renders the whole module, which costs as much as the
    parse and recurses as deep as the deepest expression. Here each module-level
    statement is rendered alone, when a finding needs it, and shifted to the line
    where Python's own parser says the statement starts.
    """

    def __init__(self, module: cst.Module, source: Focused) -> None:
        self.module, self.line = module, source.line
        self.starts = _statement_lines(module, source.text)
        self.cache: dict[int, tuple] = {}

    def first_line(self, top: int) -> int:
        return self.line(self.starts[top][0])

    def of(self, node: cst.CSTNode, top: int) -> CodeRange:
        if top not in self.cache:
            statement = self.module.body[top]
            alone = self.module.with_changes(header=(), body=[statement], footer=())  # keeps the file's indent
            wrapper = MetadataWrapper(alone, unsafe_skip_copy=True)
            positions = wrapper.resolve(PositionProvider)
            line, column = self.starts[top]
            first = positions[statement].start
            # Python counts what LibCST keeps as leading whitespace (a form feed) in the column.
            self.cache[top] = (positions, line - first.line, first.line, column - first.column)
        positions, shift, first_line, first_shift = self.cache[top]
        where = positions[node]
        start_col = where.start.column + (first_shift if where.start.line == first_line else 0)
        end_col = where.end.column + (first_shift if where.end.line == first_line else 0)
        return CodeRange((self.line(where.start.line + shift), start_col), (self.line(where.end.line + shift), end_col))


def _inside(source: str, line: int, col: int) -> tuple[int, int]:
    """A position clamped to the text, for parser errors that point past it."""
    lines = source.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    return line, min(max(col, 0), len(lines[line - 1]))


def _statement_lines(module: cst.Module, source: str) -> list[tuple[int, int]]:
    """Where each of LibCST's module-level statements starts (line, column), by Python's parser."""
    body: Iterable[ast.stmt] = iter(ast.parse(source).body)
    starts = []
    for statement in module.body:
        count = len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
        first = next(body)
        for _ in range(count - 1):
            next(body)
        starts.append((first.lineno, first.col_offset))  # a decorated def: both count from ``def``
    return starts


def _finding(raw: RawFinding, places: Places) -> Finding:
    sink, value = raw.sink, raw.value
    what, origin = ("socket handle", value.sock.origin) if isinstance(value, Handle) else ("socket", value.origin)
    cited = f"{origin.text} at line {places.of(origin.node, origin.top).start.line}"
    source = f"'{raw.name}' ({cited})" if raw.name else cited
    target = f"{sink.qualname} as {raw.keyword}" if raw.keyword and sink.position is None else sink.qualname
    if raw.via:  # through the module's own functions: name each hop, then the sink and its line
        hops = [f"{hop.text} at line {places.of(hop.node, hop.top).start.line}" for hop in raw.via[1:]]
        target = ", which passes it to ".join([raw.via[0].text, *hops])
    where = places.of(raw.node, raw.top)
    return Finding(
        sink.code,
        where.start.line,
        where.start.column,
        f"{what} from {source} passed to {target}; use {sink.replacement(raw.name or 'sock')}",
        where.end.line,
        where.end.column,
    )
