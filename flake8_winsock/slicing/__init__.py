"""The pre-pass: the statements of a module LibCST parses, chosen so that no finding changes.

It works on the tree flake8 already parsed, by names defined and used, and never
decides what is a socket: that is the model's alone. Each statement is a *unit*
(``units``) that reads the words of its text and writes the names it binds (scoped
as Python scopes them), the attributes it stores, the containers it fills. Then

1. units are *flavoured* forward along def-use (``flavours``): one that names a
   source word may make a socket, a handle word may take its handle, a sink (or its
   module, or a module function that calls one) may call one;
2. a finding is only possible at a *seed*: a unit that may call a sink with a
   handle, or pass a socket to something that calls one. None: LibCST is not needed;
3. seeds are *closed* backward: everything a kept unit reads, from every unit that
   may write it (whatever its flavour), the compound statements around it, the jumps
   (``return``, ``raise``, ``break``, ``continue``) of its scope (a path they end
   meets no merge), the platform tests of its scopes, the returns and sink calls of the functions it
   calls (what their summaries are made of), the whole of the module's functions that
   decorate it (judged by what their wrapper does), and every unit that may put
   something into a container of sockets.

LibCST is given the kept lines, each with the file's number; an emptied block gets a
``pass``. ``tests/test_slicing.py`` checks on every eval file, rule example, hostile
input, gated standard-library file and generated program that the findings are the
model's on the whole file.
"""

from __future__ import annotations

import ast
from typing import NamedTuple, Optional

from .. import catalog
from ..vocabulary import Vocabulary
from .flavours import TAKES_SOCKET, HANDLE, PLATFORM, SINK, SOCKET, Flavours
from .index import Units
from .units import ATTRIBUTE, DEFS, FILLS, NAME, Key, Unit

__all__ = ["Slice", "export_slice", "slice_module"]



class Slice(NamedTuple):
    """The text LibCST is given, and the file's line number of each of its lines
    (None: the file's own text, every line)."""

    text: str
    lines: Optional[list[int]] = None

    def line(self, number: int) -> int:
        """The file's line number of line ``number`` of the text."""
        if self.lines is None:
            return number
        return self.lines[min(max(number, 1), len(self.lines)) - 1] if self.lines else 1


def slice_module(source: str, tree: ast.Module, vocab: Vocabulary) -> Optional[Slice]:
    """The part of ``source`` that can matter; None if no finding is possible."""
    units = Units(source, tree, vocab)
    flavours = Flavours(units, vocab)
    flavours.spread()
    touched = flavours.flavoured
    calls = _Calls(units, flavours, vocab)
    seeds = [u for u in touched if calls.may_report(u)]
    if not seeds:
        return None
    seeds += [u for u in touched if u.flavours & SOCKET and _fills_container(units, u)]
    seeds += units.stars  # it may bind any name
    platform: dict[int, list[Unit]] = {}  # by scope: the units that may set a platform fact
    for unit in touched:
        if unit.flavours & PLATFORM:
            platform.setdefault(unit.scope.id, []).append(unit)
    _keep(seeds, units, platform)
    if all(u.kept for u in units.all):
        return Slice(source)
    return _render(units)


def export_slice(source: str, tree: ast.Module, vocab: Vocabulary) -> Optional[Slice]:
    """The part of a module its summary is made from; None if it can give another module
    nothing the model looks for. Seeds: the units that may make or hold a socket or a
    handle or call a sink, and the returns that give back a parameter (``return s``,
    ``return s.fileno()``); then everything they depend on, as for a slice."""
    units = Units(source, tree, vocab)
    flavours = Flavours(units, vocab)
    flavours.spread()
    seeds = [u for u in flavours.flavoured if u.flavours & (SOCKET | HANDLE | SINK | TAKES_SOCKET)]
    seeds += [u for u in flavours.flavoured if u.flavours & PLATFORM and _gives_a_flag(u)]
    methods = frozenset(q.rsplit(".", 1)[1] for q in vocab.knowledge.call_results if q.startswith(catalog.SOCKET_CLASS + "."))
    returning = dict.fromkeys(units.unit_at(line) for line in units.index.get("return", ()))  # bodies made into units
    seeds += [u for u in returning if u is not None and any(_returns_parameter(u, node, methods) or _returns_kept(u, node, methods) for node in u.nodes)]
    records = [u for u in units.all if u.scope.id == 0 and isinstance(u.node, (ast.ClassDef, ast.Assign)) and units.words(u) & catalog.RECORD_WORDS]
    seeds += records + [u for u in units.all if u.parent in records]  # a record's fields: what another module gives them
    seeds += [u for u in units.all if u.scope.id == 0 and isinstance(u.node, (ast.Assign, ast.AnnAssign)) and units.words(u) & catalog.LIBRARY_WORDS]
    seeds += units.stars  # (``from .core import *`` may re-export anything; ``kernel32 = WinDLL(...)`` a library)
    if not seeds:  # (``def raw(s): return s.fileno()`` gives back what it is given: a seed)
        return None
    platform: dict[int, list[Unit]] = {}
    for unit in flavours.flavoured:
        if unit.flavours & PLATFORM:
            platform.setdefault(unit.scope.id, []).append(unit)
    _keep(seeds, units, platform)
    if all(u.kept for u in units.all):
        return Slice(source)
    return _render(units)


def _gives_a_flag(unit: Unit) -> bool:
    """A platform test another module may import: a module-level flag (``IS_WINDOWS =
    sys.platform == "win32"``) or what a function returns (``return os.name == "posix"``)."""
    node = unit.node
    return isinstance(node, ast.Return) or unit.scope.id == 0 and isinstance(node, (ast.Assign, ast.AnnAssign))


def _returns_parameter(unit: Unit, node: ast.AST, methods: frozenset[str]) -> bool:
    """``return p`` or ``return p.fileno()`` (a socket's own method that gives its handle or a
    socket) of a parameter ``p`` of the function: the only returns whose summary gives back a
    parameter (``model.evaluate``: an attribute of a parameter, or another method's result,
    is not one)."""
    if not isinstance(node, ast.Return) or node.value is None:
        return False
    value = node.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in methods:
        value = value.func.value
    if not isinstance(value, ast.Name):
        return False
    outer = unit.parent
    while outer is not None and not isinstance(outer.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        outer = outer.parent
    if outer is None:
        return False
    args = outer.node.args  # type: ignore[attr-defined]
    return value.id in {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}


def _returns_kept(unit: Unit, node: ast.AST, methods: frozenset[str]) -> bool:
    """``return self._sock`` or ``return self._sock.fileno()`` in a method of a class whose
    ``__init__`` keeps a parameter in ``self._sock``: what one instance's method gives back of
    what its constructor call gave it (``summary.Summariser.held_by``)."""
    if not isinstance(node, ast.Return) or node.value is None:
        return False
    value = node.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in methods:
        value = value.func.value
    if not (isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name)):
        return False
    method = unit.parent
    while method is not None and not isinstance(method.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        method = method.parent
    cls = method.parent if method is not None else None
    if cls is None or not isinstance(cls.node, ast.ClassDef) or not method.node.args.args:  # type: ignore[union-attr]
        return False
    if value.value.id != method.node.args.args[0].arg:  # type: ignore[union-attr]
        return False
    init = next((d for d in cls.node.body if isinstance(d, ast.FunctionDef) and d.name == "__init__"), None)
    if init is None or not init.args.args:
        return False
    params = {a.arg for a in (*init.args.args[1:], *init.args.kwonlyargs)}
    return any(
        isinstance(s, ast.Assign) and isinstance(s.value, ast.Name) and s.value.id in params
        and any(isinstance(t, ast.Attribute) and t.attr == value.attr for t in s.targets)
        for s in init.body
    )  # fmt: skip


_SCOPES = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_BODIES = frozenset({"body", "orelse", "finalbody", "handlers", "cases"})


class _Calls:
    """Whether a unit may report: a call in it may give a sink a socket's handle (or a socket
    it takes), directly or by handing the sink on. The unit's flavours say it may; its
    calls' arguments say where."""

    def __init__(self, units: Units, flavours: Flavours, vocab: Vocabulary) -> None:
        self.units, self.keys, self.vocab = units, flavours.keys, vocab
        self.sources = flavours.named_sources
        self.dotted_sources = flavours.dotted_sources
        self.sinks: dict[str, list[catalog.Sink]] = {}
        for sink in vocab.knowledge.sinks.values():
            self.sinks.setdefault(sink.name, []).append(sink)

    def may_report(self, unit: Unit) -> bool:
        if not (unit.flavours & HANDLE and unit.flavours & SINK or unit.flavours & SOCKET and unit.flavours & TAKES_SOCKET):
            return False
        nodes = _own_expressions(unit)
        if any(isinstance(node, _SCOPES) for node in nodes):
            return True  # its calls may use names of their own: judged as a whole
        return any(self.call_may_report(unit, node) for node in nodes if isinstance(node, ast.Call))

    def call_may_report(self, unit: Unit, call: ast.Call) -> bool:
        func = call.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        arguments = [*call.args, *(k.value for k in call.keywords)]
        if name is None or any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return any(self.given(unit, a, SOCKET | HANDLE) for a in arguments)
        handed_on = any(self.flavour(unit, a) & (SINK | TAKES_SOCKET) or self.names_sink(a) for a in arguments)
        if self.flavour(unit, func) & (SINK | TAKES_SOCKET) or handed_on:
            if any(self.given(unit, a, SOCKET | HANDLE) for a in arguments):
                return True  # an alias of a sink, or a sink handed to a call (``partial(os.write, fd)``)
        for sink in self.sinks.get(name, ()):
            passed = [k.value for k in call.keywords if k.arg in sink.keywords]
            if sink.position is not None and sink.position < len(call.args):
                passed.append(call.args[sink.position])
            wanted = SOCKET | HANDLE if sink.takes_socket else HANDLE
            if any(self.given(unit, a, wanted) for a in passed):
                return True
        return False

    def names_sink(self, node: ast.expr) -> bool:
        """Whether ``node`` names a sink (``os.write`` handed on as a callable)."""
        name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
        return name is not None and name in self.sinks

    def flavour(self, unit: Unit, node: ast.expr) -> int:
        """The flavours of the keys an expression reads (its names and attributes)."""
        found = 0
        chain = unit.scope.chain if unit.body is None else (unit.body.id, *unit.scope.chain)  # ``def f(s): g(s)``
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name):
                for scope in chain:
                    found |= self.keys.get((scope, inner.id), 0)
            elif isinstance(inner, ast.Attribute):
                found |= self.keys.get(inner.attr, 0)
            elif isinstance(inner, ast.Subscript) and isinstance(inner.slice, ast.Constant) and isinstance(inner.slice.value, str):
                found |= self.keys.get(inner.slice.value, 0)  # ``sess["sock"]``: a TypedDict's field, as ``.sock``
            elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr == "get" and inner.args:
                key = inner.args[0]
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    found |= self.keys.get(key.value, 0)  # ``sess.get("sock")``, as ``sess["sock"]``
        return found

    def given(self, unit: Unit, node: ast.expr, wanted: int) -> bool:
        """Whether ``node`` may be a socket (``wanted`` SOCKET) or a handle (HANDLE)."""
        flavour = self.flavour(unit, node)
        words = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {
            n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)
        }
        made = words & self.sources or any(isinstance(n, ast.Attribute) and n.attr in self.vocab.source_words for n in ast.walk(node))
        if made or flavour & SOCKET and wanted & SOCKET:
            flavour |= SOCKET
        if flavour & SOCKET and words & self.vocab.handle_words:
            flavour |= HANDLE
        return bool(flavour & wanted)


def _own_expressions(unit: Unit) -> list[ast.AST]:
    """The expression nodes of a unit's own code (a compound statement: outside its blocks)."""
    found: list[ast.AST] = []
    for node in unit.nodes:
        if unit.blocks:
            for field, value in ast.iter_fields(node):
                if field in _BODIES:
                    continue
                for child in value if isinstance(value, list) else [value]:
                    if isinstance(child, ast.AST):
                        found.extend(ast.walk(child))
        else:
            found.extend(ast.walk(node))
    return found


def _fills_container(units: Units, unit: Unit) -> bool:
    """Whether ``unit`` may put something into a container (``append``, ``c[i] = x``, ``c += x``)."""
    for node in unit.nodes:
        if isinstance(node, ast.AugAssign):
            return True
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(target, ast.Subscript) for target in targets):
            return True
    return bool(FILLS.search(units.text_of(unit)))


def _keep(seeds: list[Unit], units: Units, platform: dict[int, list[Unit]]) -> None:
    """Keep the seeds and everything the model's verdict on them depends on."""
    done: set[Key] = set()
    done_scopes: set[int] = set()
    done_jumps: set[int] = set()
    called: set[int] = set()
    whole: set[int] = set()  # the functions kept whole
    work = list(seeds)
    while work:
        unit = work.pop()
        if unit.kept:
            continue
        unit.kept = True
        if unit.parent is not None:
            work.append(unit.parent)
        if isinstance(unit.node, ast.ClassDef):  # a record's fields: each one's position counts
            work.extend(child for block in unit.blocks for child in block if isinstance(child.node, ast.AnnAssign))
        chain = unit.scope.chain
        for name in _decorator_names(unit):  # the module's own decorator: judged by all it does
            for scope in chain:
                for writer in units.writers((scope, name)):
                    if isinstance(writer.node, DEFS) and id(writer) not in whole:
                        whole.add(id(writer))
                        work.extend(units.within(writer))
        if chain[0] not in done_jumps:  # a jump anywhere before it may leave its path dead
            done_jumps.add(chain[0])
            work.extend(units.jumps.get(chain[0], ()))
        for word in units.words(unit):
            uses = units.uses(unit, word)
            keys: list[Key] = [word] if uses & ATTRIBUTE else []
            if uses & NAME:
                keys += [(scope, word) for scope in chain]
            for key in keys:
                if key in done:
                    continue
                done.add(key)
                for writer in units.writers(key):
                    work.append(writer)
                    if writer.body is not None and id(writer) not in called:  # a call of it: what it returns
                        called.add(id(writer))
                        work.extend(units.results(writer))
                    if isinstance(key, tuple) and key in writer.params:  # a parameter: what callers give it
                        work.extend(units.callers(writer))
        for scope in chain:
            if scope not in done_scopes:
                done_scopes.add(scope)
                work.extend(platform.get(scope, ()))


def _decorator_names(unit: Unit) -> list[str]:
    """The plain names a kept definition's decorators call or are: ``@posix_only``,
    ``@requires("fork")``."""
    found = []
    for decorator in getattr(unit.node, "decorator_list", ()):
        named = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(named, ast.Name):
            found.append(named.id)
    return found


def _render(units: Units) -> Slice:
    """The kept lines (and a ``pass`` for each block left empty), with their line numbers."""
    lines = units.lines
    keep = [False] * len(lines)
    passes: dict[int, str] = {}
    for unit in units.all:
        if not unit.kept:
            continue
        for i in unit.lines():
            keep[i] = True
        for block, first in zip(unit.blocks, unit.block_starts):
            if not any(child.kept for child in block):
                passes[first] = lines[first]
    text, numbers = [], []
    for i, line in enumerate(lines):
        if keep[i]:
            text.append(line)
        elif i in passes:
            body = line.rstrip("\r\n")
            text.append(body[: len(body) - len(body.lstrip())] + "pass" + (line[len(body) :] or "\n"))
        else:
            continue
        numbers.append(i + 1)
    return Slice("".join(text), numbers)
