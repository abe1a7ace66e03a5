"""From a slice of source text to placed findings: parse, run the model and the rule,
place what the rule found, and say it.

Positions are computed only for the module-level statements that hold findings, each
by generating that statement's code once (``positions``): LibCST's PositionProvider
renders the whole module, which costs as much as the parse.
"""

from __future__ import annotations

import ast
import re
from functools import cached_property
from typing import Iterable, Mapping, Optional, Union

import libcst as cst
from libcst.metadata import CodeRange

from . import catalog
from .finding import Finding, nested_too_deeply, not_analysed, refused_statement
from .fixes import fix_of
from .model import Model
from .model.values import Handle
from .parsing import parse
from .positions import Span, positions
from .refusals import without_refused
from .sinks import RawFinding, SinkCalls
from .slicing import Slice


def analyse(
    source: Union[str, Slice], whole: Optional[str] = None, knowledge: catalog.Knowledge = catalog.CATALOG
) -> list[Finding]:
    """Parse with LibCST, run the model and the rule, and place the findings.

    ``source`` may be a slice of the module ``whole`` (see ``slicing``); should LibCST
    refuse that text, the whole module is analysed instead, and should it refuse that
    too, the slice without the statements it refuses (``refusals``).
    """
    texts = [source if isinstance(source, Slice) else Slice(source)]
    whole = whole if whole is not None else texts[0].text
    if whole != texts[0].text:
        texts.append(Slice(whole))
    for text in texts:
        try:
            module = parse(text.text)
        except Exception as error:
            if text is texts[-1]:
                return _without_refused(texts[0], error, whole, knowledge)
            continue
        return _analyse(module, text, whole, knowledge)
    raise AssertionError("unreachable")


def _without_refused(source: Slice, error: Exception, whole: str, knowledge: catalog.Knowledge) -> list[Finding]:
    """The findings of the text without the statements LibCST refuses, and one WSK900 for the
    first of them that could matter; one WSK900 for the file if they cannot be told apart."""
    repaired = without_refused(source.text, _refusal)
    if repaired is None:
        return [_unparsable(error, source)]
    found = _analyse(cst.parse_module(repaired.text), source._replace(text=repaired.text), whole, knowledge)
    said = [refused_statement(source.line(r.line), r.reason) for r in repaired.refused if r.matters][:1]
    return sorted([*found, *said], key=lambda f: (f.line, f.col, f.code))


def _refusal(text: str) -> Optional[Exception]:
    try:
        cst.parse_module(text)
    except Exception as error:
        return error
    return None


def run_rules(module: cst.Module, knowledge: catalog.Knowledge = catalog.CATALOG) -> tuple[list[RawFinding], list[int]]:
    """The rule's findings in a parsed module, and the module-level statements too deep to follow."""
    model = Model(knowledge)
    rule = SinkCalls(model)
    model.run(module, rule)
    return rule.findings(), model.too_deep


def _unparsable(error: Exception, source: Slice) -> Finding:
    if isinstance(error, cst.ParserSyntaxError):
        line, col = _inside(source.text, error.raw_line, error.raw_column)
        return not_analysed(f"LibCST cannot parse it: {error.message}", source.line(line), col)
    if isinstance(error, RecursionError):
        return not_analysed("LibCST cannot parse it: nesting too deep")
    return not_analysed(f"LibCST cannot parse it ({type(error).__name__}: {error})")


def _analyse(module: cst.Module, source: Slice, whole: str, knowledge: catalog.Knowledge) -> list[Finding]:
    raws, too_deep = run_rules(module, knowledge)
    if not raws and not too_deep:
        return []
    places = Places(module, source)
    lines = _LINES.findall(whole)
    findings = {_finding(raw, places, module, lines) for raw in raws}
    for top in too_deep[:1]:
        findings.add(nested_too_deeply(places.first_line(top)))
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # Python's own line breaks only


class Places:
    """Positions of nodes, computed only for the module-level statements that need them.

    Each module-level statement is rendered alone, when a finding needs it, and
    shifted to the line where Python's own parser says the statement starts.
    """

    def __init__(self, module: cst.Module, source: Slice) -> None:
        self.module, self.line, self.text = module, source.line, source.text
        self.cache: dict[int, tuple[Mapping[cst.CSTNode, Span], int, int, int]] = {}

    @cached_property
    def starts(self) -> list[tuple[int, int]]:
        """Made at the first position asked for: a module with nothing to place parses no more."""
        return _statement_lines(self.module, self.text)

    def first_line(self, top: int) -> int:
        return self.line(self.starts[top][0])

    def of(self, node: cst.CSTNode, top: int) -> CodeRange:
        if top not in self.cache:
            statement = self.module.body[top]
            found = positions(self.module, statement)
            line, column = self.starts[top]
            first_line, first_column = found[statement][0]
            # Python counts what LibCST keeps as leading whitespace (a form feed) in the column.
            self.cache[top] = (found, line - first_line, first_line, column - first_column)
        spans, shift, first_line, first_shift = self.cache[top]
        (start_line, start_col), (end_line, end_col) = spans[node]
        start_col += first_shift if start_line == first_line else 0
        end_col += first_shift if end_line == first_line else 0
        return CodeRange((self.line(start_line + shift), start_col), (self.line(end_line + shift), end_col))


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
        first = next(body)  # type: ignore[call-overload]
        for _ in range(count - 1):
            next(body)  # type: ignore[call-overload]
        starts.append((first.lineno, first.col_offset))  # a decorated def: both count from ``def``
    return starts


def _span(lines: list[str], where: CodeRange) -> str:
    """The text of the file between two positions (lines 1-based, columns in characters)."""
    (line, col), (end_line, end_col) = (where.start.line, where.start.column), (where.end.line, where.end.column)
    if not 1 <= line <= end_line <= len(lines):
        return ""
    if line == end_line:
        return lines[line - 1][col:end_col]
    return lines[line - 1][col:] + "".join(lines[line : end_line - 1]) + lines[end_line - 1][:end_col]


def _finding(raw: RawFinding, places: Places, module: cst.Module, lines: list[str]) -> Finding:
    sink, value = raw.sink, raw.value
    what, origin = ("socket handle", value.sock.origin) if isinstance(value, Handle) else ("socket", value.origin)
    cited = f"{origin.text} at line {places.of(origin.node, origin.top).start.line}"
    if origin.hops:  # given to the module's own functions on its way here
        calls = [f"{hop.text} at line {places.of(hop.node, hop.top).start.line}" for hop in origin.hops]
        cited += ", through " + " and ".join(calls)
    source = f"'{raw.name}' ({cited})" if raw.name else cited + ("," if origin.hops else "")
    target = f"{sink.qualname} as {raw.keyword}" if raw.keyword and sink.position is None else sink.qualname
    if sink.via:  # a function of another module, whose parameter reaches the sink there
        target += f" ({sink.via})"
    where = places.of(raw.node, raw.top)
    return Finding(
        sink.code,
        where.start.line,
        where.start.column,
        f"{what} from {source} passed to {target}; use {sink.replacement(raw.name or 'sock')}",
        where.end.line,
        where.end.column,
        fix_of(raw, module, _span(lines, where)),
    )
