"""Statements LibCST refuses: found, left out, and said only where they could matter.

LibCST's parser refuses some code Python accepts: LibCST 1.9 raises TypeError on
``x = () if 0 else(lambda:())``, and gives up on a concatenation of a few thousand
strings. Such a statement costs itself, not the file: it is found (by parsing parts
of the text, halving them, down to the innermost statement refused), replaced by
``pass`` with the file's line numbers kept, and the rest is analysed. It is said (one
WSK900) only if it could matter to a finding: if it may act (a call, a jump, ``assert``,
``global``...) or binds a name, attribute or container that the rest of the text reads.
"""

from __future__ import annotations

import ast
import re
from typing import Callable, NamedTuple, Optional, Sequence

Parses = Callable[[str], Optional[Exception]]  # None, or why LibCST refuses the text
LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # Python's own line breaks only

_BODIES = ("body", "orelse", "finalbody")
# What a statement may do besides binding names: anything that acts on what it does not bind.
_ACTS = (
    ast.Call, ast.Raise, ast.Return, ast.Yield, ast.YieldFrom, ast.Await, ast.Break, ast.Continue,
    ast.Global, ast.Nonlocal, ast.Assert, ast.Delete,
)  # fmt: skip


class Refused(NamedTuple):
    line: int  # the first line of the statement (its first decorator's), 1-based
    matters: bool  # it could change a finding
    reason: str  # what LibCST said of it


class Repaired(NamedTuple):
    text: str  # the text, each refused statement a ``pass``
    refused: list[Refused]


def without_refused(text: str, parses: Parses) -> Optional[Repaired]:
    """``text`` without the statements LibCST refuses (``parses`` says whether it takes a
    text), or None if they cannot be told apart from the rest."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    search = _Search(LINES.findall(text), parses)
    found = search.refused_in(tree.body)
    if not found:
        return None
    repaired = blanked(search.lines, [node for node, _ in found])
    if parses(repaired) is not None:
        return None
    reads = _words_outside(tree, {id(node) for node, _ in found})
    refused = [Refused(_first_line(node), _matters(node, reads), why) for node, why in found]
    return Repaired(repaired, sorted(refused))


def blanked(lines: Sequence[str], statements: Sequence[ast.stmt]) -> str:
    """The text with each statement replaced by ``pass`` followed by backslash continuations,
    so that every other line keeps its number and its text."""
    text = list(lines)
    for statement in sorted(set(statements), key=lambda s: (_first_line(s), s.col_offset), reverse=True):
        first, last = _first_line(statement) - 1, (statement.end_lineno or statement.lineno) - 1
        start = _start_col(text[first], statement)
        end = char_col(text[last], statement.end_col_offset or 0)
        blank = "pass" + " \\\n" * (last - first)
        text[first : last + 1] = [text[first][:start] + blank + text[last][end:]] + [""] * (last - first)
    return "".join(text)


def char_col(line: str, byte_offset: int) -> int:
    """ast counts columns in UTF-8 bytes; str slicing counts characters."""
    return byte_offset if line.isascii() else len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


class _Search:
    def __init__(self, lines: list[str], parses: Parses) -> None:
        self.lines, self.parses = lines, parses

    def refused_in(self, statements: list[ast.stmt]) -> list[tuple[ast.stmt, str]]:
        """The innermost statements LibCST refuses among consecutive ``statements`` of a block."""
        if not statements:
            return []
        error = self.parses(segment(self.lines, statements))
        if error is None:
            return []
        if len(statements) > 1:
            middle = len(statements) // 2
            return self.refused_in(statements[:middle]) + self.refused_in(statements[middle:])
        statement = statements[0]
        inner = [found for block in _blocks(statement) for found in self.refused_in(block)]
        if inner:
            rest = LINES.findall(blanked(self.lines, [node for node, _ in inner]))
            if self.parses(segment(rest, [statement])) is None:
                return inner  # only statements in its blocks: they cost themselves
        return [(statement, _reason(error))]


def segment(lines: Sequence[str], statements: list[ast.stmt]) -> str:
    """The text of consecutive statements of a block, moved left to column 0 (a compound
    statement's to the end of its last line)."""
    first, last = statements[0], statements[-1]
    start_line, end_line = _first_line(first) - 1, (last.end_lineno or last.lineno) - 1
    column = _start_col(lines[start_line], first)
    chosen = list(lines[start_line : end_line + 1])
    if not _blocks(last):
        cut = char_col(lines[end_line], last.end_col_offset or 0)
        chosen[-1] = chosen[-1][:cut] + "\n"
    if len(chosen) == 1:
        return chosen[0][column:]
    return "".join([chosen[0][column:], *(line[column:] if not line[:column].strip() else line for line in chosen[1:])])


def _start_col(line: str, statement: ast.stmt) -> int:
    if getattr(statement, "decorator_list", None):
        return len(line) - len(line.lstrip())  # the ``@`` of its first decorator, which starts its line
    return char_col(line, statement.col_offset)


def _first_line(statement: ast.stmt) -> int:
    decorators = getattr(statement, "decorator_list", None)
    return decorators[0].lineno if decorators else statement.lineno


def _blocks(statement: ast.stmt) -> list[list[ast.stmt]]:
    found = [getattr(statement, name) for name in _BODIES if isinstance(getattr(statement, name, None), list)]
    found += [handler.body for handler in getattr(statement, "handlers", ())]
    found += [case.body for case in getattr(statement, "cases", ())]
    return [block for block in found if block and isinstance(block[0], ast.stmt)]


def _reason(error: Exception) -> str:
    message = getattr(error, "message", None) or str(error)
    return f"{type(error).__name__}: {message.splitlines()[0] if message else ''}".rstrip(": ")


def _words_outside(tree: ast.Module, refused: set[int]) -> set[str]:
    """The names and attribute names the text reads outside the refused statements."""
    words: set[str] = set()
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if id(node) in refused:
            continue
        if isinstance(node, ast.Name):
            words.add(node.id)
        elif isinstance(node, ast.Attribute):
            words.add(node.attr)
        todo.extend(ast.iter_child_nodes(node))
    return words


def _matters(statement: ast.stmt, reads: set[str]) -> bool:
    """Whether a refused statement could change a finding: it may act, or it binds what the
    rest reads (a name, an attribute, a container it changes, a function or class it defines)."""
    bound: set[str] = set()
    for node in ast.walk(statement):
        if isinstance(node, _ACTS):
            return True
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound.add(node.id)
        elif isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            bound.add(node.attr)  # ``self.hook = ...``
        elif isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load):
            bound |= {inner.id for inner in ast.walk(node.value) if isinstance(inner, ast.Name)}  # ``c[i] = x`` changes ``c``
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and getattr(node, "name", None):
            bound.add(node.name)  # type: ignore[arg-type]
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
    return bool(bound & reads)
