"""The project's registries agree: every sink's code has a rule and a page, every word list
comes from the catalog, and every fix belongs to a fixable rule's sink."""

from __future__ import annotations

import pytest

from flake8_winsock import catalog
from flake8_winsock.fixes import BUILDERS
from flake8_winsock.rules import RULES
from flake8_winsock.vocabulary import last, vocabulary

PROJECT = catalog.knowledge(("mylib.net.connect",), ("mylib.win.raw_write:1:WSK201", "mylib.win.raw_dup"))


def test_every_sink_code_has_a_rule() -> None:
    for knowledge in (catalog.CATALOG, PROJECT):
        assert {sink.code for sink in knowledge.sinks.values()} <= set(RULES)


def test_every_rule_but_wsk900_is_the_code_of_a_sink() -> None:
    assert set(RULES) - {sink.code for sink in catalog.SINKS.values()} == {"WSK900"}


def test_every_fix_is_for_a_sink_of_a_fixable_rule() -> None:
    for qualname in BUILDERS:
        assert qualname in catalog.SINKS and RULES[catalog.SINKS[qualname].code].fixable
    for code, rule in RULES.items():
        if rule.fixable:
            assert any(catalog.SINKS[q].code == code for q in BUILDERS), code


@pytest.mark.parametrize("knowledge", [catalog.CATALOG, PROJECT], ids=["catalog", "project"])
def test_the_vocabulary_is_the_catalogs(knowledge: catalog.Knowledge) -> None:
    words = vocabulary(knowledge)
    assert {sink.name for sink in knowledge.sinks.values()} == words.sink_words
    assert {s.name for s in knowledge.sinks.values() if s.takes_socket} == words.socket_sinks
    makers = {q for q, kind in knowledge.call_results.items() if kind in (catalog.SOCKET, catalog.PAIR, catalog.ACCEPT)}
    assert {last(q) for q in makers if not q.startswith(catalog.SOCKET_CLASS + ".")} <= words.source_words
    assert {last(q) for q in catalog.SOCKET_CLASSES} <= words.source_words
    handles = {last(q) for q, kind in knowledge.call_results.items() if kind == catalog.HANDLE}
    views = {name.lstrip(".") for kinds in catalog.BAG_KINDS.values() for name in kinds}
    assert handles <= words.handle_words and words.handle_words - handles <= views  # (a selector key's ``fd``)
    assert {last(q) for q in knowledge.call_results} <= words.socket_calls


def test_a_project_factory_and_sink_widen_the_gate_and_the_slice() -> None:
    from flake8_winsock import check_source

    source = "import mylib.net, mylib.win\ns = mylib.net.connect()\nmylib.win.raw_dup(s.fileno())\n"
    assert check_source(source) == []
    found = check_source(source, socket_factories=["mylib.net.connect"], handle_sinks=["mylib.win.raw_dup"])
    assert [f.code for f in found] == ["WSK102"]
