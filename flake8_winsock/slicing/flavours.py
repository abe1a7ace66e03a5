"""Flavours: what a unit may do, spread forward along def-use until nothing changes.

A unit is flavoured by its own words (the vocabulary's) and by the flavours of the
keys it reads; whatever it writes then carries its flavours on. A function's
``return`` gives its results' flavours to the function's name, and a unit that names
a function (a call, or a callable handed to ``Thread``, ``submit``, ``partial``) gives
its socket flavours to the function's parameters, since the model runs a function
with what its callers give it. A socket class gives ``SOCKET`` to the ``self`` of
its methods.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from .. import catalog
from ..vocabulary import Vocabulary
from .index import ENTERS, Units
from .units import DEFS, REFERENCE, SOCKETS, Key, Unit

SOCKET, HANDLE, MODULE, SINK, TAKES_SOCKET, PLATFORM, SOCKET_CLASS = 1, 2, 4, 8, 16, 32, 64
_RESULT = SOCKET | HANDLE  # what a function's returns give its callers
_REFERENCE = MODULE | SINK | TAKES_SOCKET  # what only a reference to a module or function carries on
_SOCKETS = SOCKET | HANDLE  # what only a socket, a handle or what holds one carries on


def imported(vocab: Vocabulary, root: str, name: Optional[str], local: Optional[str] = None) -> int:
    """The flavours of a name an import binds: ``import os`` (a sink module), ``from os import read``;
    ``import compat`` (``local``), a module of the project whose functions may reach a sink."""
    flavours = MODULE if root in vocab.sink_modules else 0
    if root in vocab.platform_words or (name is not None and (name in vocab.platform_words - {"name"} or (flavours and name == "name"))):
        flavours |= PLATFORM
    if name is None:  # a module is not a socket, nor a sink; a call of its function may be one
        return flavours | SINK if local in vocab.anywhere_sinks else flavours
    if name in vocab.source_words:
        flavours |= SOCKET
    if name in vocab.anywhere_sinks or name in vocab.builtin_sinks or (flavours & MODULE and name in vocab.module_sinks):
        flavours |= SINK
    if flavours & MODULE and name in vocab.socket_sinks:
        flavours |= TAKES_SOCKET
    return flavours


class Flavours:
    def __init__(self, units: Units, vocab: Vocabulary) -> None:
        self.units, self.vocab = units, vocab
        self.keys: dict[Key, int] = {}
        self.flavoured: list[Unit] = []
        # A source word as a plain name counts unless only ``import socket`` binds it: a
        # module is no socket (``socket.gethostname()``); after a dot it always counts.
        present = {w for w in vocab.source_words if w in units.index}
        module_only = {w for w in present if self.only_imported(w)}
        self.named_sources = vocab.source_words - module_only
        self.dotted_sources = re.compile(r"\.\s*(?:%s)\b" % "|".join(sorted(map(re.escape, vocab.source_words))))
        self.anywhere_sinks = vocab.anywhere_sinks - vocab.socket_sinks
        names = "|".join(sorted(map(re.escape, vocab.builtin_sinks))) or "(?!)"
        self.bare_builtin = re.compile(r"(?:^|[^.\w\s]|[^.\s][ \t]+)\s*\b(?:%s)\b|^[ \t]*(?:%s)\b" % (names, names), re.MULTILINE)
        self.module_sinks = vocab.module_sinks - vocab.socket_sinks
        self.platform_words = vocab.platform_words - {"name"}  # ``os.name``: only with the module
        self.socket_classes = vocab.socket_classes
        self.method_callers = frozenset(q.rsplit(".", 1)[-1] for q in catalog.METHOD_CALLERS)
        # The words that flavour a unit by themselves (a handle word needs a socket, a
        # C runtime sink name its module: those come with what the unit reads).
        self.seed_words = (
            vocab.source_words | vocab.anywhere_sinks | vocab.builtin_sinks | self.platform_words | vocab.sink_modules
            | vocab.callback_methods | self.method_callers
        )

    def only_imported(self, word: str) -> bool:
        """Whether every unit that binds the plain name ``word`` is ``import word``."""
        units = self.units
        if units.star_import:
            return False  # ``from m import *`` may bind it
        for unit in units.containing(word, 0, len(units.lines) - 1):
            if any(isinstance(key, tuple) and key[1] == word for key, _, _ in units.writes(unit)):
                if not all(isinstance(node, ast.Import) for node in unit.nodes):
                    return False
        return True

    def own(self, unit: Unit, flavours: int) -> int:
        """The flavours ``unit`` has by its own words, given the ones it has from what it reads."""
        found, vocab = self.units.words(unit), self.vocab
        if not flavours & SOCKET and (
            found & self.named_sources or (found & vocab.source_words and self.dotted_sources.search(self.units.text_of(unit)))
        ):
            flavours |= SOCKET
        if not flavours & SOCKET and isinstance(unit.node, DEFS) and unit.node.name in vocab.callback_methods:
            flavours |= SOCKET  # a library may call it with a socket (``handle_stream(self, stream, address)``)
        if found & vocab.handle_words and (flavours & SOCKET or found & self.method_callers):
            flavours |= HANDLE  # (``methodcaller("fileno")``: what it gives may be a handle)
        if found & self.anywhere_sinks or (flavours & MODULE and found & self.module_sinks):
            flavours |= SINK
        elif found & vocab.builtin_sinks and self.bare_builtin.search(self.units.text_of(unit)):
            flavours |= SINK  # ``open(fd)``; ``self.open(fd)`` is no builtin
        if flavours & MODULE and found & vocab.socket_sinks:
            flavours |= TAKES_SOCKET
        if found & self.platform_words or (flavours & MODULE and "name" in found):
            flavours |= PLATFORM
        if flavours & SOCKET and found & self.socket_classes and isinstance(unit.node, ast.ClassDef):
            flavours |= SOCKET_CLASS  # ``class Tagged(socket.socket)``: its ``self`` is a socket
        return flavours

    def spread(self) -> None:
        units = self.units
        work: list[Unit] = []
        seen: set[int] = set()
        unit_at, index = units.unit_at, units.index
        for word in self.seed_words:
            for line in index.get(word, ()):
                unit = unit_at(line)
                if unit is None or id(unit) in seen:
                    continue
                seen.add(id(unit))
                flavours = self.own(unit, 0)
                if flavours or any(origin for _, _, origin in units.writes(unit)):
                    self.set(unit, flavours, work)
        while work:
            self.push(work.pop(), work)

    def set(self, unit: Unit, flavours: int, work: list[Unit]) -> None:
        if not unit.flavours and flavours:
            self.flavoured.append(unit)
        unit.flavours = flavours
        work.append(unit)

    def push(self, unit: Unit, work: list[Unit]) -> None:
        """Carry ``unit``'s flavours to what it writes, its function's callers, the functions it names."""
        units, flavours = self.units, unit.flavours
        for key, kinds, origin in units.writes(unit):
            if origin is not None:  # an imported name: the flavours of what it names
                self.give(key, imported(self.vocab, *origin, local=key[1] if isinstance(key, tuple) else None), work)
                continue
            carried = flavours
            if not kinds & REFERENCE:
                carried &= ~_REFERENCE
            if not kinds & SOCKETS:
                carried &= ~_SOCKETS
            self.give(key, carried, work)
        function = unit.function
        if function is not None and unit.returns and flavours & _RESULT:
            owners = [function]
            if getattr(function.node, "name", "") in ENTERS and function.parent is not None:
                owners.append(function.parent)  # ``with C() as x``: what ``__enter__`` returns
            for owner in owners:
                for key, _, _ in units.writes(owner):
                    if key not in owner.params:
                        self.give(key, flavours & _RESULT, work)
        if flavours & _RESULT:  # a call (or a callable handed on) gives the parameters of what it names
            named = units.words(unit) & units.defs.keys()
            method = unit.function
            enclosing = method.parent if method is not None and "cls" in units.words(unit) else None
            if enclosing is not None and isinstance(enclosing.node, ast.ClassDef):
                named |= {enclosing.node.name}  # ``cls(sock)`` in a classmethod: its class's ``__init__``
            for word in named:
                for callee in units.callees(word):
                    for key in callee.given:
                        self.give(key, flavours & _RESULT, work)
        if isinstance(unit.node, ast.ClassDef) and flavours & SOCKET_CLASS:  # its instances are sockets
            for key in unit.given:
                self.give(key, SOCKET, work)

    def give(self, key: Key, flavours: int, work: list[Unit]) -> None:
        new = flavours & ~self.keys.get(key, 0)
        if not new:
            return
        self.keys[key] = self.keys.get(key, 0) | new
        for reader in self.units.readers(key):
            updated = self.own(reader, reader.flavours | new)
            if updated != reader.flavours:
                self.set(reader, updated, work)
