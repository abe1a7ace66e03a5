"""The units of a module: built from flake8's tree, then searched by word.

The skeleton (spans, blocks, scopes) is made for every statement, cheaply. A unit's
words and writes are worked out when the slicer first asks, and the units that read
or write a name are found through an index of the lines each word is on, in the
lines of the scope that can see the name.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right
from itertools import chain
from typing import Iterable, Iterator, Optional

from ..vocabulary import Vocabulary, normalised
from .units import (
    DEFS, KEYWORDS, LINES, OTHER_BREAKS, SCOPED, WORD, ATTRIBUTE, NAME, DEFINES, Key, Scope, Unit, Write,
    bodies, char_col, first_line, identifier, jumps, line_of,
)  # fmt: skip
from .writes import describe


ENTERS = frozenset({"__enter__", "__aenter__", "__get__", "__iter__", "__next__", "__anext__"})  # what the language calls on an instance and hands on (a descriptor: ``__get__``; an iterator: ``__next__``)


class Units:
    """The units of one module, and the searches the slicer makes over them."""

    def __init__(self, source: str, tree: ast.Module, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.star_import = "*" in source and any(
            isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names) for node in tree.body
        )
        # Python breaks lines at \n, \r\n and \r only; str.splitlines also at a few others.
        self.lines: list[str] = LINES.findall(source) if OTHER_BREAKS.search(source) else source.splitlines(True)
        normal = self.lines if source.isascii() else [normalised(line) for line in self.lines]
        self.text = "".join(normal)
        self.normal = normal
        self.line_words = [WORD.findall(line) for line in normal]
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
        # The attributes the module stores (``self._ref = weakref.ref(s)``): calling one may
        # give what it holds (a callable that gives a socket).
        self.stored = frozenset(STORED.findall(self.text))
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
        self._long_uses: dict[int, dict[str, int]] = {}  # a long unit's words and how it uses each

    # --- The skeleton -----------------------------------------------------------------------

    def block(self, body: list[ast.stmt], parent: Optional[Unit], scope: Scope, function: Optional[Unit]) -> list[Unit]:
        block: list[Unit] = []
        for node in body:
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue  # a docstring or a constant: it reads and writes nothing
            first, last = first_line(node) - 1, (node.end_lineno or node.lineno) - 1
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                scope.declared.update(node.names)
            if block and first <= block[-1].last and not block[-1].blocks and not bodies(node):
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

    def expand(self, unit: Unit) -> None:
        """Make the units of a function's body (its statements were left for later)."""
        if unit.pending is not None:
            body, scope, function = unit.pending
            unit.pending, unit.text, unit.words = None, None, None  # its own lines are fewer now
            unit.blocks = [self.block(body, unit, scope, function)]
            self.mark(unit, unit.own)

    def within(self, unit: Unit) -> list[Unit]:
        """Every unit in ``unit``'s blocks, at any depth (function bodies made into units)."""
        found: list[Unit] = []
        todo = [unit]
        while todo:
            current = todo.pop()
            self.expand(current)
            for block in current.blocks:
                found += block
                todo += block
        return found

    def unit_at(self, line: int) -> Optional[Unit]:
        """The innermost unit of a line (a function's body made into units first)."""
        unit = self.owner[line]
        while unit is not None and unit.pending is not None:
            self.expand(unit)
            unit = self.owner[line]
        return unit

    def results(self, function: Unit) -> list[Unit]:
        """A function's ``return`` (and ``yield``) units; a class's: its ``__enter__``'s, which
        ``with`` calls."""
        if isinstance(function.node, ast.ClassDef):
            methods = [child for block in function.blocks for child in block if isinstance(child.node, DEFS)]
            return [found for child in methods if getattr(child.node, "name", "") in ENTERS for found in self.results(child)]
        self.expand(function)
        return function.results

    def mark(self, unit: Unit, lines: Iterable[int]) -> None:
        """``unit`` owns these lines (a compound statement: those outside its blocks)."""
        owner = self.owner
        for i in lines:
            owner[i] = unit

    def compound(self, unit: Unit, node: ast.stmt, scope: Scope, function: Optional[Unit]) -> None:
        unit.returns, unit.jump = isinstance(node, ast.Return), jumps(node)
        suites = bodies(node)
        if not suites:
            unit.returns = unit.returns or self.yields(unit, node)  # what a generator gives its callers
            return
        inner = scope
        if isinstance(node, SCOPED):
            inner = unit.body = Scope(scope, unit.first, unit.last)
            self.scopes[inner.id] = inner
            function = unit if isinstance(node, DEFS) else None
            self.defs.setdefault(node.name, []).append(unit)
        if isinstance(node, DEFS):
            arguments = node.args
            every = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg)
            unit.params = [(inner.id, arg.arg) for arg in every if arg is not None]
            # What a call gives: a method's receiver is its object, never an argument.
            static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)
            method = unit.parent is not None and isinstance(unit.parent.node, ast.ClassDef)
            unit.given = unit.params[1:] if method and not static else list(unit.params)
        if all(self.starts_its_line(b[0]) for b in suites):
            if isinstance(node, DEFS):  # its body is made into units when a search first reaches it
                unit.blocks, unit.pending = [[]], (suites[0], inner, function)
            else:
                unit.blocks = [self.block(b, unit, inner, function) for b in suites]
            unit.block_starts = [first_line(b[0]) - 1 for b in suites]
            spans = sorted((first_line(s) - 1, (s.end_lineno or s.lineno) - 1) for b in suites for s in b)
            own: list[int] = []
            at = unit.first
            for start, end in spans:  # the gaps between the blocks' statements
                own.extend(range(at, start))
                at = max(at, end + 1)
            own.extend(range(at, unit.last + 1))
            unit.own = own
            if unit.pending is not None:
                self.mark(unit, range(unit.first, unit.last + 1))
            if isinstance(node, ast.ClassDef):  # ``self`` of a socket class is a socket: the class gives it
                for block in unit.blocks:
                    for child in block:
                        if isinstance(child.node, DEFS):
                            unit.given += child.params[:1]  # (a socket class's instances are sockets)
        else:  # ``if x: y``: the compound statement is one unit, whole
            unit.atomic = True
            if not isinstance(node, SCOPED):
                inside = [n for n in ast.walk(node) if jumps(n)]
                unit.returns = any(isinstance(n, ast.Return) for n in inside) or self.yields(unit, node)
                unit.jump = bool(inside)

    def yields(self, unit: Unit, node: ast.stmt) -> bool:
        lines = self.index.get("yield")
        at = bisect_left(lines, unit.first) if lines else 0
        if not lines or at == len(lines) or lines[at] > unit.last:
            return False
        return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(node))

    def starts_its_line(self, node: ast.stmt) -> bool:
        decorators = getattr(node, "decorator_list", None)
        line, column = (decorators[0].lineno, decorators[0].col_offset - 1) if decorators else (node.lineno, node.col_offset)
        text = self.lines[line - 1]
        return not text[: char_col(text, column)].strip()

    # --- What a unit reads and writes, when first asked ----------------------------------------

    def words(self, unit: Unit) -> frozenset[str]:
        words = unit.words
        if words is None:
            line_words, comments = self.line_words, self.comments
            lines = unit.lines()
            if not unit.blocks:
                words = unit.words = frozenset(chain.from_iterable(line_words[i] for i in lines)) - KEYWORDS
            else:  # a comment line between a compound statement's clauses says nothing the model reads
                words = unit.words = frozenset(chain.from_iterable(line_words[i] for i in lines if i not in comments)) - KEYWORDS
        return words

    def text_of(self, unit: Unit) -> str:
        if unit.text is None:
            unit.text = "".join(self.normal[i] for i in unit.lines())
        return unit.text

    def writes(self, unit: Unit) -> list[Write]:
        """What ``unit`` may write (worked out when first asked)."""
        if unit.writes is None:
            unit.writes = []
            nodes = unit.nodes if not unit.atomic else [n for n in ast.walk(unit.node) if isinstance(n, ast.stmt)]
            for node in nodes:
                describe(self, unit, node)
        return unit.writes

    # --- Who reads or writes a key --------------------------------------------------------------

    def containing(self, word: str, first: int, last: int) -> Iterator[Unit]:
        """The units in lines ``first..last`` whose words hold ``word``."""
        lines = self.index.get(word)
        if not lines:
            return
        unit_at = self.unit_at
        previous = None
        for number in lines[bisect_left(lines, first) : bisect_right(lines, last)]:
            unit = unit_at(number)
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
            text = self.text_of(unit)
            if len(text) > LONG_UNIT:  # every word's uses in one pass
                if id(unit) not in self._long_uses:
                    self._long_uses[id(unit)] = _every_use(text)
                found = self._long_uses[id(unit)].get(word, 0)
            else:
                found = _use(text, word)
            if isinstance(unit.node, ast.Match) and word in _pattern_attributes(unit.node):
                found |= ATTRIBUTE  # ``case Connected(sock=s):`` reads the instance's ``sock``
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

    def callees(self, word: str) -> list[Unit]:
        """The functions a unit naming ``word`` may call: those named so, and the ``__init__``
        of a class named so."""
        found = []
        for unit in self.defs.get(word, ()):
            if isinstance(unit.node, DEFS):
                found.append(unit)
            else:
                found += [m for block in unit.blocks for m in block if isinstance(m.node, DEFS) and m.node.name == "__init__"]
        return found

    def callers(self, function: Unit) -> list[Unit]:
        """The units that may call ``function`` (or hand it on to be called)."""
        node = function.node
        assert isinstance(node, DEFS)
        found = list(self.containing(node.name, 0, len(self.lines) - 1))
        parent = function.parent
        if node.name == "__init__" and parent is not None and isinstance(parent.node, ast.ClassDef):
            found += self.containing(parent.node.name, 0, len(self.lines) - 1)
        return found

    def scope(self, scope_id: int) -> Scope:
        return self.scopes[scope_id]

    def line_of(self, offset: int) -> int:
        return line_of(self.starts, offset)


def _pattern_attributes(node: ast.Match) -> frozenset[str]:
    """The attributes a ``match``'s class patterns read by keyword (``case C(sock=s)``)."""
    return frozenset(name for case in node.cases for inner in ast.walk(case.pattern) if isinstance(inner, ast.MatchClass) for name in inner.kwd_attrs)


def _use(text: str, word: str) -> int:
    """How ``text`` uses ``word`` (see ``Units.uses``)."""
    found, size = 0, len(word)
    at = text.find(word)
    while at >= 0 and found != NAME | ATTRIBUTE:
        end = at + size
        if (at == 0 or not identifier(text[at - 1])) and (end == len(text) or not identifier(text[end])):
            before = text[:at].rstrip()
            if before.endswith("."):
                found |= ATTRIBUTE
            elif before.endswith(('["', "['")) or before[-1:] in "\"'" and _GET.search(before[-40:-1]):
                found |= ATTRIBUTE | NAME  # ``sess["sock"]``, ``sess.get("sock")``: a TypedDict's field, as ``.sock``
            elif not (before.endswith(("def", "class")) and DEFINES.search(before)):
                found |= NAME
        at = text.find(word, end)
    return found


LONG_UNIT = 20_000  # characters: a unit this long has the uses of all its words read at once


def _every_use(text: str) -> dict[str, int]:
    """How ``text`` uses each of its words, as ``Units.uses`` tells them one by one: one pass
    (a statement of a module made of one huge literal would be scanned once per word)."""
    found: dict[str, int] = {}
    for match in _WORD.finditer(text):
        start = match.start()
        i = start - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        if i >= 0 and text[i] == ".":
            use = ATTRIBUTE
        elif i >= 1 and text[i - 1 : i + 1] in ('["', "['") or i >= 0 and text[i] in "\"'" and _GET.search(text[max(0, i - 39) : i]):
            use = ATTRIBUTE | NAME
        else:
            use = NAME
            for keyword in ("def", "class"):
                begin = i + 1 - len(keyword)
                if begin >= 0 and text[begin : i + 1] == keyword and (begin == 0 or text[begin - 1] in " \t\n\r\f\v:;"):
                    use = 0  # the name a ``def`` or ``class`` defines is not a use of it
        word = match.group()
        found[word] = found.get(word, 0) | use
    return found


_WORD = re.compile(r"[^\W]+")
STORED = re.compile(r"\.[ \t]*([^\W\d]\w*)[ \t]*(?:=(?!=)|:[^\n=]*=(?!=))")
_GET = re.compile(r"\.\s*get\s*\(\s*\Z")  # what comes before the quoted key of ``d.get("key")``

