"""The gate: can this text hold a finding at all? Decided before LibCST runs.

Every finding needs three things that show in the text: a sink's name, a socket
source, and a handle taken from a socket. All three word lists are derived from the
catalog, so a new catalog entry widens the gate by itself.
"""

from __future__ import annotations

import re

from . import catalog


def _words(names: set[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, names))))


def _last(qualname: str) -> str:
    return qualname.rsplit(".", 1)[-1]


SINK_WORDS = _words({sink.name for sink in catalog.SINKS.values()})
HANDLE_WORDS = _words({_last(q) for q, kind in catalog.CALL_RESULTS.items() if kind == catalog.HANDLE})
# Sources a module can start from: socket classes, the calls that make sockets (methods
# of a socket need a socket first), and the methods that are evidence by themselves.
SOURCE_WORDS = _words(
    {_last(q) for q in catalog.SOCKET_CLASSES}
    | {
        _last(q)
        for q, kind in catalog.CALL_RESULTS.items()
        if kind in (catalog.SOCKET, catalog.PAIR, catalog.ACCEPT) and not q.startswith(catalog.SOCKET_CLASS + ".")
    }
    | set(catalog.EXTRA_INFO_METHODS)
    | set(catalog.SOCKET_WRAPPING_METHODS)
)


def may_contain_finding(source: str) -> bool:
    return bool(SINK_WORDS.search(source) and HANDLE_WORDS.search(source) and SOURCE_WORDS.search(source))
