"""The gate: can this text hold a finding at all? Decided before LibCST runs.

Every finding needs what shows in the text: a socket source, and a sink called on a
socket's handle (``fileno``/``detach``) or, for subprocess streams, on the socket.
All word lists are derived from the catalog, so a new catalog entry widens the gate
by itself. Win32 names (``WriteFile``) are distinctive enough as words; C runtime
names (``read``, ``close``, ``open``) count only where they name the sink: after
their module or its alias (``os.read``, ``_os.read``), as a name imported from it
(``from os import read as r``), or, for builtins, as a bare call (``open(``).

Each test is one precompiled regular expression over the text; the few words it
finds are then looked at one by one, so the gate costs a fraction of a millisecond
on most files.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from . import catalog


def _last(qualname: str) -> str:
    return qualname.rsplit(".", 1)[-1]


def _words(names: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, set(names)))))


# ``import a.b as c, d`` and ``from a.b import (c as d, e)``, at the start of a line.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+)?import[ \t]+(\([^)]*\)|[^\n;#]*)", re.MULTILINE)
_DOTTED_BEFORE = re.compile(r"([A-Za-z_][\w.]*?)[ \t]*\.[ \t]*\Z")  # ``os.`` just before a word
_CALL_AFTER = re.compile(r"[ \t]*\(")


def _imports(source: str) -> Iterator[tuple[str, str]]:
    """(qualified name, local name) of every import in the text."""
    for match in _IMPORT.finditer(source):
        module, names = match.group(1), match.group(2).strip("()")
        for item in names.split(","):
            parts = item.split()
            if not parts:
                continue
            local = parts[2] if len(parts) == 3 and parts[1] == "as" else parts[0].split(".")[0]
            yield (f"{module}.{parts[0]}" if module else parts[0]), local


class SinkNames:
    """Where a text names one of ``sinks``, as the module docstring describes."""

    def __init__(self, sinks: Iterable[catalog.Sink]) -> None:
        sinks = list(sinks)
        self.anywhere = {sink.name for sink in sinks if not sink.posix_ok}
        self.modules: dict[str, set[str]] = {}  # C runtime name -> the modules it is a sink of
        self.builtins = set()
        for sink in sinks:
            if sink.posix_ok:
                module, _, name = sink.qualname.rpartition(".")
                (self.modules.setdefault(name, set()).add(module) if module else self.builtins.add(name))
        self.qualnames = {sink.qualname for sink in sinks}
        self.names = _words(self.anywhere | set(self.modules) | self.builtins)

    def positions(self, source: str) -> Iterator[int]:
        """Offsets in ``source`` where a sink is named."""
        aliases: dict[str, set[str]] = {}  # module -> the names it goes by here
        imported: set[str] = set()  # sinks imported by name: ``from os import read as r``
        for count, match in enumerate(self.names.finditer(source)):
            if not count:  # the text names a sink: learn its imports
                for qualname, local in _imports(source):
                    aliases.setdefault(qualname, set()).add(local)
                    if qualname in self.qualnames:
                        imported.add(local)
                renamed = imported - self.anywhere - set(self.modules) - self.builtins
                if renamed:  # ``from win32file import WriteFile as wf``: ``wf`` names it too
                    yield from (other.start() for other in _words(renamed).finditer(source))
            name, start = match.group(), match.start()
            if name in self.anywhere:
                yield start
                continue
            before = _DOTTED_BEFORE.search(source, max(0, start - 80), start)
            if before:
                dotted = before.group(1)
                if any(
                    dotted == module or dotted.endswith("." + module) or dotted in aliases.get(module, ())
                    for module in self.modules.get(name, ())
                ):
                    yield start
            elif start and (source[start - 1].isalnum() or source[start - 1] in "._"):
                continue
            elif name in imported or (name in self.builtins and _CALL_AFTER.match(source, match.end())):
                yield start

    def named_in(self, source: str) -> bool:
        return next(self.positions(source), None) is not None


class Gate:
    """The gate's tests, derived from what the analysis knows (the catalog, by default)."""

    def __init__(self, knowledge: catalog.Knowledge) -> None:
        sinks = list(knowledge.sinks.values())
        results = knowledge.call_results
        self.sink_names = SinkNames(sinks)
        self.socket_sink_names = SinkNames(sink for sink in sinks if sink.takes_socket)
        self.handle_words = _words({_last(q) for q, kind in results.items() if kind == catalog.HANDLE})
        # Sources a module can start from: socket classes, the calls that make sockets
        # (methods of a socket need a socket first), and the methods that are evidence
        # by themselves.
        self.source_names = frozenset(
            {_last(q) for q in catalog.SOCKET_CLASSES}
            | {
                _last(q)
                for q, kind in results.items()
                if kind in (catalog.SOCKET, catalog.PAIR, catalog.ACCEPT) and not q.startswith(catalog.SOCKET_CLASS + ".")
            }
            | {_last(q.rsplit(".", 1)[0]) for q in catalog.SOCKET_ATTRIBUTES}
            | set(catalog.EXTRA_INFO_METHODS)
            | set(catalog.SOCKET_WRAPPING_METHODS)
        )
        self.source_words = _words(self.source_names)
        # Every name the analysis knows: binding one (``class win32file: ...``) changes
        # what a call means.
        self.known_names = frozenset(
            part
            for names in (knowledge.sinks, results, catalog.PASS_THROUGH, catalog.LIBRARY_LOADERS, catalog.SOCKET_CLASSES)
            for qualname in names
            for part in qualname.split(".")
        )

    def may_contain_finding(self, source: str) -> bool:
        if not self.source_words.search(source):
            return False
        if self.handle_words.search(source) and self.sink_names.named_in(source):
            return True
        return self.socket_sink_names.named_in(source)


@lru_cache(maxsize=32)
def gate(knowledge: catalog.Knowledge = catalog.CATALOG) -> Gate:
    return Gate(knowledge)


def may_contain_finding(source: str) -> bool:
    """The catalog's gate."""
    return gate().may_contain_finding(source)
