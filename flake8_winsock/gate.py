"""The gate: can this text hold a finding at all? Decided from its words, before LibCST.

A finding needs a socket, made by a call, class or method whose name must show in
the text (a source word); then either a handle taken from it (a handle word) and a
sink called with it (a sink word), or a sink that takes the socket itself. The model
resolves names through imports, aliases and assignments, but never invents one: if
the words are not in the text, neither is the finding. Each test is one precompiled
pattern over the text: a fraction of a millisecond on most files.
"""

from __future__ import annotations

from functools import lru_cache

from . import catalog
from .vocabulary import Vocabulary, normalised, vocabulary, words


class _Words:
    """Whether a text holds one of some words: a substring test first (fast), then the word's
    boundaries where one is found."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = sorted(names)
        self.pattern = words(names)

    def found(self, text: str) -> bool:
        return any(name in text for name in self.names) and bool(self.pattern.search(text))


class Gate:
    def __init__(self, vocab: Vocabulary) -> None:
        self.vocabulary = vocab
        self.sources = _Words(vocab.source_words)
        self.handles = _Words(vocab.handle_words)
        self.sinks = _Words(vocab.sink_words)
        self.socket_sinks = _Words(vocab.socket_sinks)

    def may_contain_finding(self, source: str) -> bool:
        text = normalised(source)
        if not self.sources.found(text):
            return False
        if self.handles.found(text) and self.sinks.found(text):
            return True
        return self.socket_sinks.found(text)


@lru_cache(maxsize=32)
def gate(knowledge: catalog.Knowledge = catalog.CATALOG) -> Gate:
    return Gate(vocabulary(knowledge))


def may_contain_finding(source: str) -> bool:
    """The catalog's gate."""
    return gate().may_contain_finding(source)
