"""The blind modules of ``tests/depth``: each file's findings are exactly its markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import expected_findings
from flake8_winsock import check_source

DEPTH = sorted((Path(__file__).parent / "depth").glob("*.py"))

# Markers the analysis does not find yet, each said in ``depth/README.md`` (the seventh set on):
# a file's findings are its markers but these. A miss that becomes a finding fails too, so
# that this list is kept true.
KNOWN_MISSES = {
    "wsk_rpc_session_types.py": {(33, "WSK102")},  # a tuple of prototypes indexed by a class constant
    "wsk_protocol_generic.py": {(72, "WSK203")},  # a Generic[T] holder's get() of Slot[socket.socket]
    # The tenth set (``depth/README.md``):
    "wsk_async_acceptors.py": {(52, "WSK202")},  # what an async iterator class's __anext__ returns
    "wsk_containers.py": {(64, "WSK201"), (70, "WSK205"), (83, "WSK201")},  # [None] * n, a dict comprehension, selector data of an unknown listener
    "wsk_decorators_closures.py": {(49, "WSK201"), (82, "WSK205")},  # a decorator's wrapper that gives the function a connection; a list filled through nonlocal
    "wsk_delegation_builders.py": {(79, "WSK202")},  # __getattr__ delegation
    "wsk_events_callbacks.py": {(36, "WSK205"), (42, "WSK205"), (48, "WSK201")},  # handlers an event bus calls by name
    "wsk_generator_pipeline.py": {(37, "WSK205")},  # ``yield from`` a generator given an islice of another's
    "wsk_records.py": {(51, "WSK103"), (69, "WSK103")},  # a record a helper makes from a parameter's field; a NamedTuple unpacked
    "wsk_subprocess_streams.py": {(20, "WSK301")},  # **options after options.update(unknown)
    "wsk_thread_handoff.py": {(23, "WSK201")},  # a lazily made per-thread connection: getattr(_tls, "conn", None) or a new one
}


@pytest.mark.parametrize("path", DEPTH, ids=lambda p: p.name)
def test_depth_findings_are_exactly_the_markers(path: Path) -> None:
    found = {(f.line, f.code) for f in check_source(path.read_text(encoding="utf-8"), str(path))}
    missed = KNOWN_MISSES.get(path.name, set())
    assert missed <= expected_findings(path)
    assert found == expected_findings(path) - missed


def test_depth_holds_bugs_and_clean_modules() -> None:
    assert sum(len(expected_findings(p)) for p in DEPTH) >= 100
    assert sum(1 for p in DEPTH if not expected_findings(p)) >= 5
