"""Units: the statements the slicer keeps or leaves out, and the scopes of their names."""

from __future__ import annotations

import ast
import keyword
import re
from bisect import bisect_right
from typing import Iterable, Iterator, Optional, Protocol, Union

from .. import catalog
from ..vocabulary import Vocabulary

WORD = re.compile(r"[^\W\d]\w*")
KEYWORDS = frozenset(keyword.kwlist)
WALRUS = re.compile(r"([^\W\d]\w*)\s*:=")
LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # Python's own line breaks only
OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)
SCOPED = (*DEFS, ast.ClassDef)
JUMPS = (ast.Return, ast.Raise, ast.Break, ast.Continue)
# Calls that never return (``pytest.skip()``, ``sys.exit()``, ``self.skipTest()``): jumps too.
NO_RETURN = frozenset({q.rsplit(".", 1)[-1] for q in catalog.NO_RETURN} | catalog.NO_RETURN_METHODS)


def jumps(node: ast.AST) -> bool:
    """Whether a statement leaves its path: a jump, or a call that never returns."""
    if isinstance(node, JUMPS):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        return (func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None) in NO_RETURN
    return False
TRY = (ast.Try, ast.TryStar) if hasattr(ast, "TryStar") else (ast.Try,)

# Methods that put into a container (``socks.append(s)``, ``selector.register(s)``): a call
# of one changes the container, as ``c[i] = x`` does.
FILLERS = frozenset({*catalog.CONTAINER_ADDERS, *catalog.MAPPING_PUTS})
FILLS = re.compile(
    r"(?:\.\s*(?:%s)|\b(?:%s))\s*\(" % ("|".join(sorted(FILLERS)), "|".join(sorted(catalog.CONTAINER_FUNCTION_NAMES)))
)  # (``heapq.heappush(heap, x)``, ``insort(xs, x)``: functions that put into their first argument)

Key = Union[tuple[int, str], str]  # (scope, name) for names; the attribute's name for attributes
Imported = tuple[str, Optional[str]]  # the module an imported name comes from, and its name there
Write = tuple[Key, int, Optional[Imported]]
# What a value written to a key may be, as the model evaluates it (bits).
REFERENCE = 1  # a module, function or class: ``os``, ``os.write``, ``kernel32``
SOCKETS = 2  # a socket, a handle, or a container, tuple or instance that may hold one
ANYTHING = REFERENCE | SOCKETS
# How a unit uses a word (bits).
NAME = 1  # a plain name: ``s``
ATTRIBUTE = 2  # after a dot: ``x.s``
DEFINES = re.compile(r"(?:^|[\s:;])(?:def|class)\Z")


class Text(Protocol):
    """What ``writes`` reads of a module: its vocabulary, its definitions, a unit's text and words."""

    vocab: Vocabulary
    defs: dict[str, list[Unit]]
    stored: frozenset[str]  # the attributes it stores

    def text_of(self, unit: Unit) -> str: ...

    def words(self, unit: Unit) -> frozenset[str]: ...


class Scope:
    """A module, class or function body: where the names its units bind live."""

    __slots__ = ("id", "chain", "declared", "first", "last")

    def __init__(self, parent: Optional[Scope], first: int, last: int) -> None:
        self.id = 0 if parent is None else id(self)
        self.chain: tuple[int, ...] = (self.id,) + (parent.chain if parent is not None else ())
        self.declared: set[str] = set()  # ``global``/``nonlocal`` names: they write the enclosing scopes
        self.first, self.last = first, last  # the lines that can see its names


class Unit:
    """A statement (a compound statement: its own lines, outside its blocks)."""

    __slots__ = (
        "nodes", "first", "last", "parent", "scope", "body", "blocks", "block_starts", "own", "atomic",
        "function", "returns", "jump", "results", "params", "given", "words", "writes", "flavours",
        "kept", "keys", "pending", "text",
    )  # fmt: skip

    def __init__(self, node: ast.stmt, first: int, last: int, parent: Optional[Unit], scope: Scope) -> None:
        self.nodes = [node]  # several for ``a = 1; b = 2``
        self.first, self.last, self.parent, self.scope = first, last, parent, scope
        self.body: Optional[Scope] = None  # a function or class: the scope of its body
        self.blocks: list[list[Unit]] = []
        self.block_starts: list[int] = []  # the first line of each block (its first statement may be a docstring)
        self.own: list[int] = []  # a compound statement: its lines outside its blocks
        self.atomic = False  # a compound statement sharing a line with its body: kept whole or not at all
        self.function: Optional[Unit] = None  # the function whose body holds it
        self.returns = False  # it is (or, atomic, holds) a ``return`` or a ``yield``
        self.jump = False  # it is (or, atomic, holds) a ``return``, ``raise``, ``break`` or ``continue``
        self.results: list[Unit] = []  # a function: its ``return`` units
        self.params: list[Key] = []  # a function: its parameters
        self.given: list[Key] = []  # a function or class: the parameters its callers (or bases) give values to
        self.words: Optional[frozenset[str]] = None
        # What it may write: (key, what the value may be, where an imported name comes from).
        self.writes: Optional[list[Write]] = None
        self.keys: set[Key] = set()  # the keys it writes
        self.flavours = 0
        self.kept = False
        self.pending: Optional[tuple[list[ast.stmt], Scope, Optional[Unit]]] = None  # a body not yet made into units
        self.text: Optional[str] = None  # its lines' text, once asked for

    @property
    def node(self) -> ast.stmt:
        return self.nodes[0]

    def lines(self) -> Iterable[int]:
        return self.own if self.blocks else range(self.first, self.last + 1)


def first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", None)
    return decorators[0].lineno if decorators else node.lineno


SIMPLE = (
    ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Pass, ast.Import, ast.ImportFrom,
    ast.Raise, ast.Delete, ast.Break, ast.Continue, ast.Global, ast.Nonlocal, ast.Assert,
)  # fmt: skip


def bodies(node: ast.AST) -> list[list[ast.stmt]]:
    if isinstance(node, SIMPLE):
        return []
    found = [b for b in (getattr(node, "body", None), getattr(node, "orelse", None), getattr(node, "finalbody", None)) if b]
    found += [handler.body for handler in getattr(node, "handlers", ())]
    found += [case.body for case in getattr(node, "cases", ())]
    return [b for b in found if isinstance(b, list)]


def char_col(line: str, byte_offset: int) -> int:
    """ast counts columns in UTF-8 bytes; str slicing counts characters."""
    if line.isascii():
        return byte_offset
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def identifier(char: str) -> bool:
    return char.isalnum() or char == "_"


def line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, (ast.Assign, ast.Delete)):
        return list(node.targets)
    if isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
        return [node.target]
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    return []


def bound_names(node: ast.stmt) -> Iterator[str]:
    """The plain names a statement binds, or changes (``c[i] = x`` changes ``c``)."""
    stack = targets(node)
    while stack:
        target = stack.pop()
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            stack.extend(target.elts)
        elif isinstance(target, (ast.Starred, ast.Subscript)):
            stack.append(target.value)
    if isinstance(node, SCOPED):
        yield node.name
    elif isinstance(node, TRY):
        yield from (handler.name for handler in node.handlers if handler.name)
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        yield from node.names
    elif isinstance(node, ast.Match):
        for case in node.cases:
            for inner in ast.walk(case.pattern):
                name = getattr(inner, "name", None) or getattr(inner, "rest", None)
                if isinstance(name, str):
                    yield name


def stored_attributes(node: ast.stmt) -> Iterator[str]:
    """The attributes a statement stores, or changes (``x.a = 1``, ``x.a[i] = 1``, ``x.a += 1``)."""
    stack = targets(node)
    while stack:
        target = stack.pop()
        if isinstance(target, ast.Attribute):
            yield target.attr
        elif isinstance(target, (ast.Tuple, ast.List)):
            stack.extend(target.elts)
        elif isinstance(target, (ast.Starred, ast.Subscript)):
            stack.append(target.value)
