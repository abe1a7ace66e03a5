"""From source text to placed findings: parse, one analysis walk, positions, messages."""

from __future__ import annotations

import ast
from typing import Iterable

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from ..finding import Finding, not_analysed
from .checker import Checker, RawFinding
from .values import Handle


def analyse(source: str) -> list[Finding]:
    """Parse with LibCST, run the checker, and place its findings."""
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        return [not_analysed(f"LibCST cannot parse it: {error.message}", error.raw_line, error.raw_column)]
    except RecursionError:
        return [not_analysed("LibCST cannot parse it: nesting too deep")]
    except Exception as error:
        return [not_analysed(f"LibCST cannot parse it ({type(error).__name__}: {error})")]
    checker = Checker()
    checker.analyse(module)
    if not checker.findings and not checker.too_deep:
        return []
    places = Places(module, source)
    findings = {_finding(raw, places) for raw in checker.findings}
    for top in checker.too_deep[:1]:
        line = places.first_line(top)
        findings.add(
            not_analysed(f"the statement at line {line} is nested too deeply to follow; the rest of the file was analysed", line)
        )
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))


class Places:
    """Positions of nodes, computed only for the module-level statements that need them.

    LibCST's PositionProvider renders the whole module, which costs as much as the
    parse and recurses as deep as the deepest expression. Here each module-level
    statement is rendered alone, when a finding needs it, and shifted to the line
    where Python's own parser says the statement starts.
    """

    def __init__(self, module: cst.Module, source: str) -> None:
        self.module = module
        self.starts = _statement_lines(module, source)
        self.cache: dict[int, dict] = {}

    def first_line(self, top: int) -> int:
        return self.starts[top]

    def of(self, node: cst.CSTNode, top: int) -> CodeRange:
        if top not in self.cache:
            statement = self.module.body[top]
            wrapper = MetadataWrapper(cst.Module(body=[statement]), unsafe_skip_copy=True)
            positions = wrapper.resolve(PositionProvider)
            shift = self.starts[top] - positions[statement].start.line
            self.cache[top] = {"positions": positions, "shift": shift}
        entry = self.cache[top]
        where = entry["positions"][node]
        shift = entry["shift"]
        return CodeRange((where.start.line + shift, where.start.column), (where.end.line + shift, where.end.column))


def _statement_lines(module: cst.Module, source: str) -> list[int]:
    """The line each of LibCST's module-level statements starts on, by Python's parser."""
    body: Iterable[ast.stmt] = iter(ast.parse(source).body)
    starts = []
    for statement in module.body:
        count = len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
        first = next(body)
        for _ in range(count - 1):
            next(body)
        starts.append(first.lineno)  # for a decorated def, both count from ``def``
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
