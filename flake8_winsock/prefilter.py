"""The gate: can this text hold a finding at all? Decided before LibCST runs.

Every finding needs what shows in the text: a socket source, and a sink called on a
socket's handle (``fileno``/``detach``) or, for subprocess streams, on the socket.
All word lists are derived from the catalog, so a new catalog entry widens the gate
by itself. Win32 names (``WriteFile``) are distinctive enough as words; C runtime
names (``read``, ``close``, ``open``) must show as calls through their module
(``os.read``), as names imported from it, or, for builtins, as a bare call.
"""

from __future__ import annotations

import re

from . import catalog


def _last(qualname: str) -> str:
    return qualname.rsplit(".", 1)[-1]


def _words(names: set[str]) -> str:
    return r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, names)))


def _sink_pattern(sinks: list[catalog.Sink]) -> re.Pattern[str]:
    distinctive = {sink.name for sink in sinks if not sink.posix_ok}
    parts = [_words(distinctive)] if distinctive else []
    for sink in sinks:
        if not sink.posix_ok:
            continue
        module, _, name = sink.qualname.rpartition(".")
        if module:
            parts.append(rf"\b{re.escape(sink.qualname)}\b")
            parts.append(rf"^[ \t]*from[ \t]+{re.escape(module)}[ \t]+import\b[^\n]*\b{re.escape(name)}\b")
        else:
            parts.append(rf"(?<![.\w]){re.escape(name)}[ \t]*\(")
    return re.compile("|".join(parts), re.MULTILINE)


HANDLE_SINKS = _sink_pattern(list(catalog.SINKS.values()))
SOCKET_SINKS = _sink_pattern([sink for sink in catalog.SINKS.values() if sink.takes_socket])
HANDLE_WORDS = re.compile(_words({_last(q) for q, kind in catalog.CALL_RESULTS.items() if kind == catalog.HANDLE}))
# Sources a module can start from: socket classes, the calls that make sockets (methods
# of a socket need a socket first), and the methods that are evidence by themselves.
SOURCE_WORDS = re.compile(
    _words(
        {_last(q) for q in catalog.SOCKET_CLASSES}
        | {
            _last(q)
            for q, kind in catalog.CALL_RESULTS.items()
            if kind in (catalog.SOCKET, catalog.PAIR, catalog.ACCEPT) and not q.startswith(catalog.SOCKET_CLASS + ".")
        }
        | {_last(q.rsplit(".", 1)[0]) for q in catalog.SOCKET_ATTRIBUTES}
        | set(catalog.EXTRA_INFO_METHODS)
        | set(catalog.SOCKET_WRAPPING_METHODS)
    )
)


def may_contain_finding(source: str) -> bool:
    if not SOURCE_WORDS.search(source):
        return False
    if HANDLE_WORDS.search(source) and HANDLE_SINKS.search(source):
        return True
    return bool(SOCKET_SINKS.search(source))
