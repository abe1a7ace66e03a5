"""Units: a module's statements, what each reads and writes, and who reads or writes a name.

The skeleton (spans, blocks, scopes) is built for every statement, cheaply, from the
tree flake8 parsed. A unit's words and writes are worked out only when the slicer
first asks for them, and the units that read or write a name are found by searching
the text for the name (in the scope that can see it), not by indexing every word.
"""

from __future__ import annotations

import ast
import keyword
import re
from bisect import bisect_left, bisect_right
from itertools import chain
from typing import Iterable, Iterator, Optional, Union

from .. import catalog
from ..vocabulary import Vocabulary, normalised

_WORD = re.compile(r"[^\W\d]\w*")
_KEYWORDS = frozenset(keyword.kwlist)
_WALRUS = re.compile(r"([^\W\d]\w*)\s*:=")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # Python's own line breaks only
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)
_SCOPED = (*_DEFS, ast.ClassDef)
_JUMPS = (ast.Return, ast.Raise, ast.Break, ast.Continue)
_TRY = (ast.Try, ast.TryStar) if hasattr(ast, "TryStar") else (ast.Try,)
# Attributes a library class gives its subclasses (``self.request`` of a stream handler).
_SOCKET_ATTRIBUTES = tuple(sorted({q.rsplit(".", 1)[-1] for q in catalog.SOCKET_ATTRIBUTES}))

Key = Union[tuple[int, str], str]  # (scope, name) for names; the attribute's name for attributes
# What a value written to a key may be, as the model evaluates it (bits).
REFERENCE = 1  # a module, function or class: ``os``, ``os.write``, ``kernel32``
SOCKETS = 2  # a socket, a handle, or a container, tuple or instance that may hold one
ANYTHING = REFERENCE | SOCKETS
# How a unit uses a word (bits).
NAME = 1  # a plain name: ``s``
ATTRIBUTE = 2  # after a dot: ``x.s``
_DEFINES = re.compile(r"(?:^|[\s:;])(?:def|class)\Z")


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
        "kept", "keys",
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
        self.returns = False  # it is (or, atomic, holds) a ``return``
        self.jump = False  # it is (or, atomic, holds) a ``return``, ``raise``, ``break`` or ``continue``
        self.results: list[Unit] = []  # a function: its ``return`` units
        self.params: list[Key] = []  # a function: its parameters
        self.given: list[Key] = []  # a function or class: the parameters its callers (or bases) give values to
        self.words: Optional[frozenset[str]] = None
        # What it may write: (key, an import's flavours, what the value may be).
        self.writes: Optional[list[tuple[Key, Optional[int], int]]] = None
        self.keys: set[Key] = set()  # the keys it writes
        self.flavours = 0
        self.kept = False

    @property
    def node(self) -> ast.stmt:
        return self.nodes[0]

    def lines(self) -> Iterable[int]:
        return self.own if self.blocks else range(self.first, self.last + 1)


class Units:
    """The units of one module, and the searches the slicer makes over them."""

    def __init__(self, source: str, tree: ast.Module, vocab: Vocabulary) -> None:
        self.vocab = vocab
        # Python breaks lines at \n, \r\n and \r only; str.splitlines also at a few others.
        self.lines: list[str] = _LINES.findall(source) if _OTHER_BREAKS.search(source) else source.splitlines(True)
        normal = self.lines if source.isascii() else [normalised(line) for line in self.lines]
        self.text = "".join(normal)
        self.normal = normal
        self.line_words = [_WORD.findall(line) for line in normal]
        self.comments = {i for i, line in enumerate(normal) if line.lstrip().startswith("#")}
        self.index: dict[str, list[int]] = {}  # word -> the lines it is on
        index = self.index
        get = index.get
        for number, found in enumerate(self.line_words):
            for word in found:
                lines = get(word)
                if lines is None:
                    index[word] = [number]
                elif lines[-1] != number:
                    lines.append(number)
        self.starts = [0]
        for line in normal:
            self.starts.append(self.starts[-1] + len(line))
        self.all: list[Unit] = []
        self.defs: dict[str, list[Unit]] = {}  # functions and classes by name
        self.jumps: dict[int, list[Unit]] = {}  # by scope: its jumps, at any depth of its blocks
        self.stars: list[Unit] = []  # ``from m import *``: it binds names its text does not show
        self.owner: list[Optional[Unit]] = [None] * len(self.lines)  # the innermost unit of each line
        self.module = Scope(None, 0, max(len(self.lines) - 1, 0))
        self.scopes: dict[int, Scope] = {0: self.module}
        self.block(tree.body, None, self.module, None)
        self._readers: dict[Key, list[Unit]] = {}
        self._writers: dict[Key, list[Unit]] = {}
        self._uses: dict[tuple[int, str], int] = {}

    # --- The skeleton -----------------------------------------------------------------------

    def block(self, body: list[ast.stmt], parent: Optional[Unit], scope: Scope, function: Optional[Unit]) -> list[Unit]:
        block: list[Unit] = []
        for node in body:
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue  # a docstring or a constant: it reads and writes nothing
            first, last = _first_line(node) - 1, (node.end_lineno or node.lineno) - 1
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                scope.declared.update(node.names)
            if block and first <= block[-1].last and not block[-1].blocks and not _bodies(node):
                merged = block[-1]  # ``a = 1; b = 2``: one unit
                merged.nodes.append(node)
                merged.last = max(merged.last, last)
                self.mark(merged, range(merged.first, merged.last + 1))
                continue
            unit = Unit(node, first, last, parent, scope)
            unit.function = function
            self.all.append(unit)
            if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
                self.stars.append(unit)
            block.append(unit)
            self.compound(unit, node, scope, function)
            self.mark(unit, unit.lines())
            if function is not None and unit.returns:
                function.results.append(unit)
            if unit.jump:
                self.jumps.setdefault(scope.id, []).append(unit)
        return block

    def mark(self, unit: Unit, lines: Iterable[int]) -> None:
        """``unit`` owns these lines (a compound statement: those outside its blocks)."""
        owner = self.owner
        for i in lines:
            owner[i] = unit

    def compound(self, unit: Unit, node: ast.stmt, scope: Scope, function: Optional[Unit]) -> None:
        unit.returns, unit.jump = isinstance(node, ast.Return), isinstance(node, _JUMPS)
        bodies = _bodies(node)
        if not bodies:
            return
        inner = scope
        if isinstance(node, _SCOPED):
            inner = unit.body = Scope(scope, unit.first, unit.last)
            self.scopes[inner.id] = inner
            function = unit if isinstance(node, _DEFS) else None
            self.defs.setdefault(node.name, []).append(unit)
        if isinstance(node, _DEFS):
            arguments = node.args
            every = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg)
            unit.params = unit.given = [(inner.id, arg.arg) for arg in every if arg is not None]
        if all(self.starts_its_line(b[0]) for b in bodies):
            unit.blocks = [self.block(b, unit, inner, function) for b in bodies]
            unit.block_starts = [_first_line(b[0]) - 1 for b in bodies]
            spans = sorted((_first_line(s) - 1, (s.end_lineno or s.lineno) - 1) for b in bodies for s in b)
            own, at = [], unit.first
            for start, end in spans:  # the gaps between the blocks' statements
                own.extend(range(at, start))
                at = max(at, end + 1)
            own.extend(range(at, unit.last + 1))
            unit.own = own
            if isinstance(node, ast.ClassDef):  # ``self`` of a socket class is a socket: the class gives it
                for block in unit.blocks:
                    for child in block:
                        if isinstance(child.node, _DEFS):
                            unit.given += child.params[:1]
        else:  # ``if x: y``: the compound statement is one unit, whole
            unit.atomic = True
            if not isinstance(node, _SCOPED):
                inside = [n for n in ast.walk(node) if isinstance(n, _JUMPS)]
                unit.returns = any(isinstance(n, ast.Return) for n in inside)
                unit.jump = bool(inside)

    def starts_its_line(self, node: ast.stmt) -> bool:
        decorators = getattr(node, "decorator_list", None)
        line, column = (decorators[0].lineno, decorators[0].col_offset - 1) if decorators else (node.lineno, node.col_offset)
        text = self.lines[line - 1]
        return not text[: _char_col(text, column)].strip()

    # --- What a unit reads and writes, when first asked ----------------------------------------

    def words(self, unit: Unit) -> frozenset[str]:
        words = unit.words
        if words is None:
            line_words, comments = self.line_words, self.comments
            lines = unit.lines()
            if not unit.blocks:
                words = unit.words = frozenset(chain.from_iterable(line_words[i] for i in lines)) - _KEYWORDS
            else:  # a comment line between a compound statement's clauses says nothing the model reads
                words = unit.words = frozenset(chain.from_iterable(line_words[i] for i in lines if i not in comments)) - _KEYWORDS
        return words

    def text_of(self, unit: Unit) -> str:
        return "".join(self.normal[i] for i in unit.lines())

    def writes(self, unit: Unit) -> list[tuple[Key, Optional[int], int]]:
        if unit.writes is None:
            unit.writes = []
            nodes = unit.nodes if not unit.atomic else [n for n in ast.walk(unit.node) if isinstance(n, ast.stmt)]
            for node in nodes:
                self.describe(unit, node)
        return unit.writes

    def describe(self, unit: Unit, node: ast.stmt) -> None:
        """What ``node`` (the unit's statement, one merged into it, or in its body) writes."""
        scope, write = unit.scope, self.write_name
        in_class = unit.parent is not None and isinstance(unit.parent.node, ast.ClassDef) and node is unit.node
        kinds = self.kinds(node)
        for name in _bound_names(node):
            write(unit, scope, name, None, kinds)
            if in_class:  # a class attribute, or a method
                self.write(unit, name, None, kinds)
        for attr in _stored_attributes(node):
            self.write(unit, attr, None, kinds)
        if node is unit.node:
            text = self.text_of(unit)
            if ":=" in text:
                for name in _WALRUS.findall(text):
                    write(unit, scope, name, None, ANYTHING)
            words = self.words(unit)
            if "isinstance" in words:  # ``isinstance(x.sock, ...)`` narrows what it names
                for word in words:
                    write(unit, scope, word, None, SOCKETS)
                    self.write(unit, word, None, SOCKETS)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.imports(unit, node)
        elif isinstance(node, _DEFS) and node is unit.node:
            for key in unit.params:  # an annotated parameter may be a socket
                self.write(unit, key, None, SOCKETS)
        elif isinstance(node, ast.ClassDef) and node is unit.node:
            for attribute in _SOCKET_ATTRIBUTES:  # inherited from a library class
                self.write(unit, attribute, None, SOCKETS)

    def write_name(self, unit: Unit, scope: Scope, name: str, imported: Optional[int] = None, kinds: int = 0) -> None:
        self.write(unit, (scope.id, name), imported, kinds)
        if name in scope.declared:  # ``global x``: the module's (or an enclosing function's) ``x``
            for outer in scope.chain[1:]:
                self.write(unit, (outer, name), imported, kinds)

    def write(self, unit: Unit, key: Key, imported: Optional[int] = None, kinds: int = 0) -> None:
        assert unit.writes is not None
        unit.writes.append((key, imported, kinds))
        unit.keys.add(key)

    def kinds(self, node: ast.stmt) -> int:
        """What the value a statement binds may be (``REFERENCE``, ``SOCKETS``)."""
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            return self.value_kinds(node.value) if node.value is not None else SOCKETS  # ``x: socket.socket``
        if isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)):
            return SOCKETS  # an element of a container; what ``with`` enters, if it is a socket
        if isinstance(node, _SCOPED):
            return ANYTHING  # the function or class itself
        return 0  # ``x += 1``, ``del x``, ``except E as x``, ``global x``: nothing the model follows

    def value_kinds(self, node: ast.expr) -> int:
        """What the model may evaluate ``node`` to. A call gives a module or function only
        through a pass-through wrapper or library loader, and a socket only if it calls
        something that may return one (the catalog's, the module's own, or a plain name)."""
        if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Starred, ast.NamedExpr)):
            return ANYTHING
        if isinstance(node, ast.Await):
            return self.value_kinds(node.value)
        if isinstance(node, ast.Tuple):
            kinds = SOCKETS
            for item in node.elts:
                kinds |= self.value_kinds(item)
            return kinds
        if isinstance(node, (ast.IfExp, ast.BoolOp)):
            kinds = 0
            for item in (node.body, node.orelse) if isinstance(node, ast.IfExp) else node.values:
                kinds |= self.value_kinds(item)
            return kinds
        if isinstance(node, (ast.List, ast.Set, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.Dict, ast.DictComp)):
            return SOCKETS
        if isinstance(node, ast.BinOp):
            return SOCKETS if isinstance(node.op, ast.Add) else 0  # ``[server] + clients``
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                name = normalised(func.attr)
                vocab = self.vocab
                kinds = REFERENCE if name in vocab.reference_calls else 0
                return kinds | (SOCKETS if name in vocab.socket_calls or name in self.defs else 0)
            if isinstance(func, ast.Name):
                return ANYTHING if normalised(func.id) in self.vocab.reference_calls else SOCKETS
            return SOCKETS
        return 0

    def imports(self, unit: Unit, node: Union[ast.Import, ast.ImportFrom]) -> None:
        """Each imported name carries its own flavours (see ``flavours.imported``)."""
        from .flavours import imported

        module = node.module if isinstance(node, ast.ImportFrom) and not node.level else None
        root = (module or "").split(".")[0]
        for alias in node.names:
            if alias.name == "*":
                for name in catalog.star_names(module or ""):
                    self.write_name(unit, unit.scope, name, imported(self.vocab, root, name))
            elif isinstance(node, ast.ImportFrom):
                local = alias.asname or alias.name
                self.write_name(unit, unit.scope, local, imported(self.vocab, root, alias.name))
            else:
                local = alias.asname or alias.name.split(".")[0]
                self.write_name(unit, unit.scope, local, imported(self.vocab, alias.name.split(".")[0], None))

    # --- Who reads or writes a key --------------------------------------------------------------

    def containing(self, word: str, first: int, last: int) -> Iterator[Unit]:
        """The units in lines ``first..last`` whose words hold ``word``."""
        lines = self.index.get(word)
        if not lines:
            return
        owner = self.owner
        previous = None
        for number in lines[bisect_left(lines, first) : bisect_right(lines, last)]:
            unit = owner[number]
            if unit is not None and unit is not previous:
                previous = unit
                if word in (unit.words or self.words(unit)):
                    yield unit

    def uses(self, unit: Unit, word: str) -> int:
        """How ``unit`` uses ``word``: as a plain name (``NAME``), after a dot (``ATTRIBUTE``).

        The name a ``def`` or ``class`` statement defines is not a use of it."""
        key = (id(unit), word)
        found = self._uses.get(key)
        if found is None:
            found = 0
            text, size = self.text_of(unit), len(word)
            at = text.find(word)
            while at >= 0 and found != NAME | ATTRIBUTE:
                end = at + size
                if (at == 0 or not _identifier(text[at - 1])) and (end == len(text) or not _identifier(text[end])):
                    before = text[:at].rstrip()
                    if before.endswith("."):
                        found |= ATTRIBUTE
                    elif not (before.endswith(("def", "class")) and _DEFINES.search(before)):
                        found |= NAME
                at = text.find(word, end)
            self._uses[key] = found
        return found

    def readers(self, key: Key) -> list[Unit]:
        found = self._readers.get(key)
        if found is None:
            if isinstance(key, str):
                found = [u for u in self.containing(key, 0, len(self.lines) - 1) if self.uses(u, key) & ATTRIBUTE]
            else:
                scope, word = self.scope(key[0]), key[1]
                found = [
                    u
                    for u in self.containing(word, scope.first, scope.last)
                    if key[0] in u.scope.chain and self.uses(u, word) & NAME
                ]
            self._readers[key] = found
        return found

    def writers(self, key: Key) -> list[Unit]:
        found = self._writers.get(key)
        if found is None:
            word = key if isinstance(key, str) else key[1]
            scope = self.module if isinstance(key, str) else self.scope(key[0])
            found = []
            for unit in [*self.containing(word, scope.first, scope.last), *(self.stars if isinstance(key, tuple) else ())]:
                if unit.writes is None:
                    self.writes(unit)
                if key in unit.keys and unit not in found:
                    found.append(unit)
            self._writers[key] = found
        return found

    def scope(self, scope_id: int) -> Scope:
        return self.scopes[scope_id]

    def line_of(self, offset: int) -> int:
        return _line_of(self.starts, offset)


def _first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", None)
    return decorators[0].lineno if decorators else node.lineno


_SIMPLE = (
    ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Pass, ast.Import, ast.ImportFrom,
    ast.Raise, ast.Delete, ast.Break, ast.Continue, ast.Global, ast.Nonlocal, ast.Assert,
)  # fmt: skip


def _bodies(node: ast.AST) -> list[list[ast.stmt]]:
    if isinstance(node, _SIMPLE):
        return []
    found = [b for b in (getattr(node, "body", None), getattr(node, "orelse", None), getattr(node, "finalbody", None)) if b]
    found += [handler.body for handler in getattr(node, "handlers", ())]
    found += [case.body for case in getattr(node, "cases", ())]
    return [b for b in found if isinstance(b, list)]


def _char_col(line: str, byte_offset: int) -> int:
    """ast counts columns in UTF-8 bytes; str slicing counts characters."""
    if line.isascii():
        return byte_offset
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def _identifier(char: str) -> bool:
    return char.isalnum() or char == "_"


def _line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, (ast.Assign, ast.Delete)):
        return list(node.targets)
    if isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
        return [node.target]
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    return []


def _bound_names(node: ast.stmt) -> Iterator[str]:
    """The plain names a statement binds, or changes (``c[i] = x`` changes ``c``)."""
    stack = _targets(node)
    while stack:
        target = stack.pop()
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            stack.extend(target.elts)
        elif isinstance(target, (ast.Starred, ast.Subscript)):
            stack.append(target.value)
    if isinstance(node, _SCOPED):
        yield node.name
    elif isinstance(node, _TRY):
        yield from (handler.name for handler in node.handlers if handler.name)
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        yield from node.names
    elif isinstance(node, ast.Match):
        for case in node.cases:
            for inner in ast.walk(case.pattern):
                name = getattr(inner, "name", None) or getattr(inner, "rest", None)
                if isinstance(name, str):
                    yield name


def _stored_attributes(node: ast.stmt) -> Iterator[str]:
    """The attributes a statement stores, or changes (``x.a = 1``, ``x.a[i] = 1``, ``x.a += 1``)."""
    stack = _targets(node)
    while stack:
        target = stack.pop()
        if isinstance(target, ast.Attribute):
            yield target.attr
        elif isinstance(target, (ast.Tuple, ast.List)):
            stack.extend(target.elts)
        elif isinstance(target, (ast.Starred, ast.Subscript)):
            stack.append(target.value)
