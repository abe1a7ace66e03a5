"""Port kinds register an opener under a short name."""
from __future__ import annotations

_OPENERS: dict[str, object] = {}


def port_opener(kind: str):
    def decorate(func):
        _OPENERS[kind] = func
        return func

    return decorate


def opener_for(kind: str):
    try:
        return _OPENERS[kind]
    except KeyError:
        raise LookupError(f"unknown port kind {kind!r}; known: {sorted(_OPENERS)}") from None
