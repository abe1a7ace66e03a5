"""The parts of a module that can matter, so that LibCST parses only those.

A finding is a sink called with a value that evidence shows is a socket or its
handle. Statements are taken at the level of module, class and ``if``/``try``
blocks (a function is one unit, whole), and compared by the words of their text,
which over-approximates what they read and bind:

- *socket names*: the names bound by a statement (at any depth; a function's plain
  names stay local to it) that names a socket source (the gate's words, or an
  attribute the catalog knows holds a socket), a socket name, or ``self`` in a
  subclass of a socket; a function whose ``return`` is such a statement; parameters
  annotated so. *API names* likewise, from library objects (``ctypes.WinDLL(...)``);
- *sinky*: a function, class or alias that names a sink, or calls something sinky
  (its arguments may reach a sink);
- *sites*: statements that call a sink, or something sinky, with a socket name among
  the call's arguments. Without one, no finding is possible and ``focus`` says so.

Kept: the sites; imports; statements that test the platform (a guard covers what
follows); then, until nothing changes, every unit that binds a socket, API or catalog
name a kept unit reads (so every statement that could rebind or narrow it stays), or
defines a function a kept unit calls that may return a socket, or is given one and
is sinky or returns one of its parameters; the block statements around kept units,
and the ``raise``/``return``/``break``/``continue`` directly in their blocks.

Everything else is left out; a block left empty gets a ``pass``. LibCST is given
the kept lines whole, with the file's number of each, so every position reported is
the file's own.
"""

from __future__ import annotations

import ast
import keyword
import re
import unicodedata
from bisect import bisect_right
from typing import Any, Callable, Iterable, NamedTuple, Optional

from . import catalog
from .prefilter import Gate, gate

# Words that make a statement's names socket names: the gate's sources, and the
# attributes the catalog knows hold a socket (``self.request`` of a stream request
# handler), as ``.request``: an attribute only after a dot.
_ATTRIBUTES = frozenset(q.rsplit(".", 1)[-1] for q in catalog.SOCKET_ATTRIBUTES)
_ATTRIBUTE_EVIDENCE = frozenset("." + name for name in _ATTRIBUTES)
_SOCKET_CLASS_WORDS = frozenset(q.rsplit(".", 1)[-1] for q in catalog.SOCKET_CLASSES)
# Words that make a statement's names API names, through which a sink is reached:
# ``k32 = ctypes.WinDLL("kernel32")``, ``ffi = FFI()``, ``ov = _overlapped.Overlapped()``.
_API = frozenset(
    {q.rsplit(".", 1)[-1] for q, kind in catalog.CALL_RESULTS.items() if "." in kind}
    | {part for q in (*catalog.LIBRARY_LOADERS, *catalog.LIBRARY_ATTRIBUTES) for part in q.split(".")[1:]}
    | set(catalog.LIBRARIES.values())
)
# ``socket.gethostname()`` is no evidence: the module's other names are dropped from a
# statement's evidence words.
_OTHER_SOCKET_NAMES = re.compile(r"\bsocket[ \t]*\.[ \t]*(?!(?:%s)\b)" % "|".join(sorted(gate().source_names)))

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # Python's own line breaks only
_WORD = re.compile(r"[^\W\d]\w*")
_WORD_BEFORE = re.compile(r"([^\W\d]\w*)[ \t]*\Z")
_OP = r"(?:[-+*/%@&|^]|<<|>>|\*\*|//)?=(?!=)"
# What a statement changes besides its targets: containers it puts into (the
# catalog's adders, ``socks.append(x)``; ``socks[0] = x``) and walrus targets. Each
# pattern starts at punctuation (the name is found before it), so that scanning the
# module is fast.
_ADDERS = "|".join(sorted(catalog.CONTAINER_ADDERS))
_CHANGED = re.compile(rf"\.[ \t]*(?:{_ADDERS})[ \t]*\(|(\])[ \t]*{_OP}|:=")
# What a function may bind for other units, besides its name: the above, attributes
# (``self.sock = ...``, also as a tuple target), and globals.
_STORED = re.compile(
    rf"\.[ \t]*([^\W\d]\w*)[ \t]*(?:{_OP}|[,:])"
    rf"|\b(?:as|for)[ \t]+[\w.]*\.([^\W\d]\w*)"
    rf"|\b(?:global|nonlocal)[ \t]+([^\W\d][\w \t,]*)"
)
_TYPE_TESTED = re.compile(r"\bisinstance[ \t]*\([ \t]*(?:[\w.]*\.)?([^\W\d]\w*)")
# A guard on the platform, or a call only POSIX has, covers the statements after it.
_PLATFORM = re.compile(
    r"\bplatform\b|\b\w*os[ \t]*\.[ \t]*name\b|\b(?:%s)\b"
    % "|".join(sorted({q.rsplit(".", 1)[-1] for q in (*catalog.PLATFORM_TEST_CALLS, *catalog.POSIX_ONLY)}))
)
_KEYWORDS = frozenset(keyword.kwlist)
_SCOPES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda)
_FLOW_ENDS = (ast.Raise, ast.Return, ast.Break, ast.Continue)
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)
_BLOCKS = (ast.ClassDef, ast.If, ast.Try) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())


class Statement:
    """A statement's words and the names it binds; inside a function, one of many."""

    __slots__ = ("words", "binds", "local", "unit", "returns", "lines", "node", "tainted", "api")

    def __init__(
        self,
        words: set[str],
        binds: set[str],
        unit: Unit,
        returns: Optional[str] = None,
        local: frozenset = frozenset(),
        lines: Iterable[int] = (),
        node: Optional[ast.AST] = None,
    ) -> None:
        self.words, self.unit, self.lines, self.node = words, unit, lines, node
        self.binds = binds - local  # names other statements may read
        self.local = local  # names only its function reads
        self.returns = returns  # the function whose result it is: ``return ...``
        self.tainted = False
        self.api = False


class Unit:
    """A module-, class- or block-level statement: its lines, words, binds and blocks."""

    __slots__ = (
        "node", "first", "last", "parent", "blocks", "own", "words", "binds", "defines", "statements", "local_sockets",
        "passes", "sink", "guard", "tainted", "socket_class", "receives_sockets", "kept",
    )  # fmt: skip

    def __init__(self, node: ast.stmt, first: int, last: int, parent: Optional[Unit]) -> None:
        self.node, self.first, self.last, self.parent = node, first, last, parent
        self.blocks: list[list[Unit]] = []  # for classes, ``if`` and ``try``: their bodies
        self.words: set[str] = set()  # of its own lines (a block statement: outside its bodies)
        self.binds: set[str] = set()  # names whose value it may set, or narrow
        self.defines: set[str] = set()  # names it makes callable: a function, a class, an alias
        self.own: Iterable[int] = range(first, last + 1)  # its lines (a block statement: outside its bodies)
        self.statements: Optional[list[Statement]] = None  # made when its words could taint them
        self.local_sockets: set[str] = set()  # a function's local names that may hold a socket
        self.passes = False  # a function that returns one of its parameters
        self.sink = False  # names a sink itself
        self.guard = False  # tests the platform, or calls what only POSIX has
        self.tainted = False  # one of its statements reads a socket name
        self.socket_class = False  # a class deriving from a socket class
        self.receives_sockets = False  # a function a socket may be passed to
        self.kept = False

    def children(self) -> Iterable[Unit]:
        return (unit for block in self.blocks for unit in block)

    def in_class(self) -> bool:
        parent = self.parent
        while parent is not None and not isinstance(parent.node, ast.ClassDef):
            parent = parent.parent
        return parent is not None

    def method_of_socket_class(self) -> bool:
        return isinstance(self.node, _DEFS) and self.parent is not None and self.parent.socket_class


class Focused(NamedTuple):
    """The text LibCST is given, and the file's line number of each of its lines
    (None: the file's own text, every line)."""

    text: str
    lines: Optional[list[int]] = None

    def line(self, number: int) -> int:
        """The file's line number of line ``number`` of the text."""
        if self.lines is None:
            return number
        return self.lines[min(max(number, 1), len(self.lines)) - 1] if self.lines else 1


def focus(source: str, tree: ast.Module, checks: Gate) -> Optional[Focused]:
    """The statements of ``source`` that can matter; None if no statement can hold a finding.

    ``checks`` is the gate ``source`` passed: its sources and sinks are the ones that count.
    """
    text = _Text(source, checks.source_names | _ATTRIBUTE_EVIDENCE)
    sink_offsets = checks.sink_names.positions(source)
    units: list[Unit] = []
    owner: list[Optional[Unit]] = [None] * len(text.lines)  # the innermost unit of each line
    top = _units(tree.body, None, text.lines, units, owner)
    for unit in units:
        _describe(unit, text, owner)
    sink_lines, sink_names = set(), set()
    for offset in sink_offsets:
        sink_lines.add(bisect_right(text.starts, offset) - 1)
        sink_names.add(text.normal(_WORD.match(source, offset).group()))  # type: ignore[union-attr]
    for line in sink_lines:
        if owner[line] is not None:
            owner[line].sink = True
    if not _Closure(units, sink_lines, sink_names, text, checks.known_names).run():
        return None
    if all(unit.kept for unit in top):
        return Focused(source)
    return _render(text.lines, units)


class _Text:
    """The module's lines and, line by line, their words and the names they change."""

    def __init__(self, source: str, evidence: frozenset[str]) -> None:
        self.evidence = evidence  # words that make a statement's names socket names
        self.lines = lines = _LINES.findall(source)
        self.starts = starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        self.normal: Callable[[str], str] = str if source.isascii() else _nfkc
        self.words: list[Optional[frozenset[str]]] = [None] * len(lines)  # made when asked for
        self.changed: dict[int, set[str]] = {}  # line -> names changed there
        self.stored: dict[int, set[str]] = {}  # line -> names stored there, the changed ones too
        for match in _CHANGED.finditer(source):
            name = self._name_before(source, match.start(1) if match.group(1) else match.start())
            if name:
                line = bisect_right(starts, match.start()) - 1
                self.changed.setdefault(line, set()).add(name)
                self.stored.setdefault(line, set()).add(name)
        for match in _STORED.finditer(source):
            attribute, target, declared = match.groups()
            names = [attribute or target] if not declared else _WORD.findall(declared)
            self.stored.setdefault(bisect_right(starts, match.start()) - 1, set()).update(map(self.normal, names))

    def words_in(self, text: str) -> set[str]:
        """The names in ``text``; ``socket`` only where it may be evidence; ``.sock`` for
        the catalog's socket attributes where they show as attributes."""
        if "socket" in text:  # ``socket.gethostname()`` is no evidence
            text = _OTHER_SOCKET_NAMES.sub("", text)
        found = _WORD.findall(text)
        words = set(found if self.normal is str else map(self.normal, found)) - _KEYWORDS
        for name in words & _ATTRIBUTES:
            if re.search(r"\.[ \t]*%s\b" % name, text):
                words.add("." + name)
        return words

    def _name_before(self, source: str, end: int) -> Optional[str]:
        """The name before ``end`` (before its subscript, if ``end`` closes one)."""
        if source[end] == "]":
            depth = 0
            while end >= 0 and source[end] not in "\r\n":
                depth += {"]": 1, "[": -1}.get(source[end], 0)
                if not depth:
                    break
                end -= 1
            if end < 0 or depth:
                return None
        before = _WORD_BEFORE.search(source, max(0, end - 100), end)
        return self.normal(before.group(1)) if before else None

    def text(self, lines: Iterable[int]) -> str:
        return "".join(self.lines[i] for i in lines)

    def words_of(self, lines: Iterable[int]) -> set[str]:
        words = self.words
        result: set[str] = set()
        for i in lines:
            if words[i] is None:
                words[i] = frozenset(self.words_in(self.lines[i]))
            result |= words[i]  # type: ignore[operator]
        return result

    def changed_in(self, lines: range) -> set[str]:
        changed = self.changed
        return set().union(*(changed[i] for i in lines if i in changed)) if changed else set()

    def stored_in(self, lines: range) -> set[str]:
        stored = self.stored
        return set().union(*(stored[i] for i in lines if i in stored)) if stored else set()


def _nfkc(word: str) -> str:
    return unicodedata.normalize("NFKC", word)


class _Closure:
    def __init__(
        self, units: list[Unit], sink_lines: set[int], sink_names: set[str], text: _Text, known: frozenset[str]
    ) -> None:
        self.units, self.sink_lines, self.sink_names, self.text = units, sink_lines, sink_names, text
        self.evidence, self.known = text.evidence, known
        self.socket_names: set[str] = set()
        self.api_names: set[str] = set()
        self.socket_classes: set[str] = set()
        self.sinky: set[str] = set()
        self.needed: set[str] = set()  # read by kept units
        self.given: set[str] = set()  # callees kept statements may pass a socket to

    def run(self) -> bool:
        """Mark what to keep; False if no statement can hold a finding."""
        self.settle(self.units, self.taint_unit)
        self.settle(self.units, self.sinky_step)
        sites = [unit for unit in self.units if self.finding_may_be_in(unit)]
        if not sites:
            return False
        for unit in self.units:
            if isinstance(unit.node, (ast.Import, ast.ImportFrom)) or unit.guard:
                self.keep(unit)
        for unit in sites:
            self.keep(unit)
        self.settle(self.units, self.keep_step)
        return True

    @staticmethod
    def settle(items: list, step: Callable[[Any], bool]) -> None:
        """Apply ``step`` to every item until it changes nothing."""
        changed = True
        while changed:
            changed = False
            for item in items:
                changed |= step(item)

    def taint_unit(self, unit: Unit) -> bool:
        changed = self.socket_class_step(unit)
        if unit.statements is None:
            words = unit.words
            if not (
                words & self.evidence
                or words & self.socket_names
                or words & _API
                or words & self.api_names
                or ("self" in words and unit.method_of_socket_class())
            ):
                return changed  # none of its statements could be tainted yet
            unit.statements = _statements_of(unit, self.text)
        for statement in unit.statements:
            changed |= self.taint_step(statement)
        return changed

    def taint_step(self, statement: Statement) -> bool:
        changed = False
        if not statement.api and (statement.words & _API or statement.words & self.api_names):
            statement.api = changed = True
            self.api_names |= statement.binds
        if statement.tainted:
            return changed
        words, unit = statement.words, statement.unit
        if (
            words & self.evidence
            or words & self.socket_names
            or words & unit.local_sockets
            or ("self" in words and unit.method_of_socket_class())
        ):
            statement.tainted = unit.tainted = True
            self.socket_names |= statement.binds
            unit.local_sockets |= statement.local
            if statement.returns:
                self.socket_names.add(statement.returns)
            return True
        return changed

    def socket_class_step(self, unit: Unit) -> bool:
        if unit.socket_class or not isinstance(unit.node, ast.ClassDef):
            return False
        if unit.words & _SOCKET_CLASS_WORDS or unit.words & self.socket_classes or unit.words & self.socket_names:
            unit.socket_class = True
            self.socket_classes |= unit.defines
            return True
        return False

    def sinky_step(self, unit: Unit) -> bool:
        if not unit.defines - self.sinky:
            return False
        if unit.sink or unit.words & self.sinky or any(child.defines & self.sinky for child in unit.children()):
            self.sinky |= unit.defines
            return True
        return False

    def finding_may_be_in(self, unit: Unit) -> bool:
        """A statement that calls a sink, or something sinky, with a socket name."""
        if unit.method_of_socket_class():
            return unit.sink or bool(unit.words & self.sinky)
        return any(
            statement.tainted
            and (statement.words & self.sinky or not self.sink_lines.isdisjoint(statement.lines))
            and self.gives_a_socket_name(statement)
            for statement in unit.statements or ()
        )

    def gives_a_socket_name(self, statement: Statement) -> bool:
        """A call in ``statement`` to a sink or to something sinky names a socket name
        among its arguments (or it holds a comprehension or lambda, whose own names may)."""
        return bool(self.given_sockets(statement) & (self.sink_names | self.sinky))

    def given_sockets(self, statement: Statement) -> set[str]:
        """The callees ``statement`` may pass a socket to: calls naming a socket name among
        their arguments (every callee, if it holds a comprehension or lambda)."""
        if statement.node is None:
            return set()
        names = self.evidence | self.socket_names | statement.unit.local_sockets
        callees, given = set(), set()
        nodes = [statement.node]
        while nodes:
            node = nodes.pop()
            if isinstance(node, ast.Call):
                callee = _callee(node.func)
                callees.add(callee)
                if any(_expression_words(a) & names for a in [*node.args, *(k.value for k in node.keywords)]):
                    given.add(callee)
            elif isinstance(node, _SCOPES):
                given = callees = callees | _all_callees(node)
                nodes.clear()
                break
            nodes.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, ast.stmt))
        given.discard(None)
        return given

    def keep_step(self, unit: Unit) -> bool:
        changed = False
        if (
            not unit.receives_sockets
            and unit.defines & self.given
            and (unit.passes or unit.defines & self.sinky)
        ):  # a socket may be passed to it: any of its names may then hold one
            unit.receives_sockets = changed = True
            self.given |= _all_callees(unit.node)  # any of its names may hold the socket
            self.keep(unit)
        if unit.kept:
            return changed
        needed = unit.binds & self.needed
        known = self.known if not unit.in_class() else frozenset()  # a method shadows no module
        if (
            needed & (self.socket_names | self.socket_classes | self.api_names | known)
            or (unit.defines & needed and unit.tainted)  # it may return a socket
        ):
            self.keep(unit)
            return True
        return changed

    def keep(self, unit: Optional[Unit]) -> None:
        while unit is not None and not unit.kept:
            unit.kept = True
            self.needed |= unit.words
            for statement in unit.statements or ():
                if statement.tainted:
                    self.given |= self.given_sockets(statement)
            for child in unit.children():
                if isinstance(child.node, _FLOW_ENDS):
                    self.keep(child)
            unit = unit.parent


def _units(body: list[ast.stmt], parent: Optional[Unit], lines: list[str], units: list[Unit], owner: list) -> list[Unit]:
    block = []
    for node in body:
        unit = Unit(node, _first_line(node) - 1, (node.end_lineno or node.lineno) - 1, parent)
        units.append(unit)
        block.append(unit)
        for line in range(unit.first, unit.last + 1):
            owner[line] = unit
        if isinstance(node, _BLOCKS):
            bodies = [b for b in _bodies(node) if b]
            if all(_starts_its_line(b[0], lines) for b in bodies):
                unit.blocks = [_units(b, unit, lines, units, owner) for b in bodies]
    return block


def _first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", None)
    return decorators[0].lineno if decorators else node.lineno


def _bodies(node: ast.AST) -> list[list[ast.stmt]]:
    bodies = [getattr(node, "body", []), getattr(node, "orelse", []), getattr(node, "finalbody", [])]
    bodies += [handler.body for handler in getattr(node, "handlers", ())]
    bodies += [case.body for case in getattr(node, "cases", ())]
    return [b for b in bodies if isinstance(b, list)]


def _starts_its_line(node: ast.stmt, lines: list[str]) -> bool:
    """Nothing but indentation before it (not ``if x: y``); an ``elif`` counts as its own ``If``."""
    decorators = getattr(node, "decorator_list", None)
    line, column = (decorators[0].lineno, decorators[0].col_offset - 1) if decorators else (node.lineno, node.col_offset)
    return not lines[line - 1][:column].strip()


def _describe(unit: Unit, text: _Text, owner: list) -> None:
    """What ``unit`` reads and binds as a whole."""
    node, normal = unit.node, text.normal
    span = unit.own
    if unit.blocks:
        unit.own = own = [i for i in span if owner[i] is unit]
    else:
        own = span
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        unit.statements = []
        return  # a docstring
    unit.words = text.words_in(text.text(own))
    if isinstance(node, _DEFS):
        unit.defines = {normal(node.name)}
        unit.binds = unit.defines | text.stored_in(span)
    else:
        unit.guard = bool(_PLATFORM.search(text.text(own)))
        if isinstance(node, ast.ClassDef):
            unit.binds = unit.defines = {normal(node.name)}
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Delete)):
            unit.binds = _assigned(node, normal) | text.stored_in(span)
            if isinstance(getattr(node, "value", None), (ast.Name, ast.Attribute)):
                unit.defines = unit.binds  # an alias: ``write = kernel32.WriteFile``
        elif isinstance(node, ast.Expr):
            unit.binds = text.stored_in(span)
        else:
            unit.binds = unit.words  # a loop, ``with``, ``assert``, a block statement: may bind or narrow any name


def _statements_of(unit: Unit, text: _Text) -> list[Statement]:
    if unit.blocks:  # only its own lines: its blocks are units of their own
        return [_statement(unit.node, text, unit.own, unit, None, set())]
    return list(_statements(unit, text))


def _statements(unit: Unit, text: _Text) -> Iterable[Statement]:
    """Each statement in ``unit``, at any depth, with its own lines (a block statement: up to its body).

    In a function, the plain names a statement binds are local to the function (but
    for those it declares ``global`` or ``nonlocal``).
    """
    normal = text.normal
    declared = set()
    if isinstance(unit.node, _DEFS):
        whole = text.text(range(unit.first, unit.last + 1))
        if "global" in whole or "nonlocal" in whole:
            declared = {n for node in ast.walk(unit.node) if isinstance(node, (ast.Global, ast.Nonlocal)) for n in node.names}
        arguments = unit.node.args
        parameters = {normal(a.arg) for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
    nodes: list[tuple[ast.AST, Optional[str]]] = [(unit.node, None)]
    while nodes:
        node, function = nodes.pop()
        bodies = [b for b in _bodies(node) if b]
        first = _first_line(node) if isinstance(node, ast.stmt) else node.lineno
        last = (node.end_lineno or node.lineno) if not bodies else max(first, min(b[0].lineno for b in bodies) - 1)
        lines = range(first - 1, last)
        if isinstance(node, _DEFS):  # annotations, of the parameters and of the result
            arguments = node.args
            every = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg)
            for name, annotation in [(a.arg, a.annotation) for a in every if a is not None]:
                if annotation is not None:
                    words = set(map(normal, _annotation_words(annotation)))
                    yield Statement(words, {normal(name)}, unit, None, frozenset({normal(name)} - declared))
            if node.returns is not None:
                yield Statement(set(map(normal, _annotation_words(node.returns))), {normal(node.name)}, unit)
            if node is not unit.node:
                yield Statement(set(), {normal(node.name)}, unit, None, frozenset({normal(node.name)} - declared))
            function = node.name
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # not a docstring
            statement = _statement(node, text, lines, unit, function, declared)
            if isinstance(node, ast.Return) and statement.words & parameters:
                unit.passes = True
            yield statement
        for block in bodies:
            nodes.extend((child, function) for child in reversed(block))
        nodes.extend((handler, function) for handler in getattr(node, "handlers", ()))


def _statement(
    node: ast.AST, text: _Text, lines: Iterable[int], unit: Unit, function: Optional[str], declared: set[str]
) -> Statement:
    """One statement's evidence words, and the names it binds for the taint."""
    normal = text.normal
    words = text.words_of(lines)
    changed = text.changed_in(lines)
    local = frozenset(normal(n) for n in _plain_names(node)) | (changed & words if function else set())
    local = local - declared if function else frozenset()
    if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Delete, ast.For, ast.AsyncFor)):
        binds = _assigned(node, normal) | changed
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        binds = {normal(n) for item in node.items if item.optional_vars for n in _target_names(item.optional_vars)}
        binds |= changed
    elif isinstance(node, ast.ExceptHandler):
        binds = {normal(node.name)} if node.name else set()
    elif isinstance(node, ast.ImportFrom):  # ``from socket import socket as Socket``
        binds = {normal(a.asname or a.name) for a in node.names if a.name in text.evidence}
    elif isinstance(node, (ast.Import, ast.ClassDef)):
        binds = set()  # a module, an instance of a class: no socket (a socket class is apart)
    elif isinstance(node, (ast.If, ast.While, ast.Assert)):  # a type test narrows
        binds = {normal(name) for name in _TYPE_TESTED.findall(text.text(lines))} | changed
    elif isinstance(node, ast.Match):
        binds = words
    else:
        binds = changed
    return Statement(words, binds | local, unit, function if isinstance(node, ast.Return) else None, local, lines, node)


def _plain_names(node: ast.AST) -> Iterable[str]:
    """The plain names a statement binds (a function's locals, unless declared global)."""
    targets: list[ast.AST] = list(getattr(node, "targets", ()))
    if isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
        targets.append(node.target)
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets += [item.optional_vars for item in node.items if item.optional_vars is not None]
    elif isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        yield from ((a.asname or a.name).split(".")[0] for a in node.names)
    while targets:
        target = targets.pop()
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            targets += target.elts
        elif isinstance(target, ast.Starred):
            targets.append(target.value)


def _annotation_words(annotation: ast.expr) -> Iterable[str]:
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield from _WORD.findall(node.value)


def _callee(func: ast.expr) -> Optional[str]:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _all_callees(node: ast.AST) -> set[str]:
    return {name for call in ast.walk(node) if isinstance(call, ast.Call) and (name := _callee(call.func))}


def _expression_words(expression: ast.expr) -> set[str]:
    words = set()
    for node in ast.walk(expression):
        if isinstance(node, ast.Name):
            words.add(node.id)
        elif isinstance(node, ast.Attribute):
            words.update((node.attr, "." + node.attr))
    return words


def _assigned(node: ast.AST, normal: Callable[[str], str]) -> set[str]:
    targets = getattr(node, "targets", None) or [node.target]  # type: ignore[attr-defined]
    return {normal(name) for target in targets for name in _target_names(target)}


def _target_names(target: ast.AST) -> Iterable[str]:
    """The names an assignment target rebinds or changes: ``a``, ``x.a``, ``a[i]``, ``x.a[i]``."""
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Attribute):
        yield target.attr
    elif isinstance(target, (ast.Subscript, ast.Starred)):
        yield from _target_names(target.value)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element)


def _render(lines: list[str], units: list[Unit]) -> Focused:
    """The kept lines (and a ``pass`` for each block left empty), with their line numbers.

    Blank and comment lines are left out too. (Inside a string that changes its value,
    which no rule reads.)"""
    keep = [False] * len(lines)
    for unit in units:
        if unit.kept and not unit.blocks:
            keep[unit.first : unit.last + 1] = [True] * (unit.last + 1 - unit.first)
        elif unit.kept:  # a block statement: its own lines
            inner = {i for child in unit.children() for i in range(child.first, child.last + 1)}
            for i in range(unit.first, unit.last + 1):
                keep[i] = keep[i] or i not in inner
    # A statement sharing a line with a kept one (``a = 1; b = 2``) stays whole.
    changed = True
    while changed:
        changed = False
        for unit in units:
            span = keep[unit.first : unit.last + 1]
            if not unit.kept and not unit.blocks and any(span) and not all(span):
                keep[unit.first : unit.last + 1] = [True] * len(span)
                changed = True
    passes = set()
    for unit in units:
        for block in unit.blocks if unit.kept else ():
            if not any(keep[i] for child in block for i in range(child.first, child.last + 1)):
                passes.add(block[0].first)
    text, numbers = [], []
    for i, line in enumerate(lines):
        if keep[i]:
            content = line.lstrip()
            if not content.strip() or content.startswith("#"):
                continue  # a blank or comment line: LibCST would only make a node of it
            text.append(line)
        elif i in passes:
            body = line.rstrip("\r\n")
            text.append(body[: len(body) - len(body.lstrip())] + "pass" + line[len(body) :])
        else:
            continue
        numbers.append(i + 1)
    return Focused("".join(text), numbers)
