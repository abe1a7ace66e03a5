"""The blind modules of ``tests/depth``: each file's findings are exactly its markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import expected_findings
from flake8_winsock import check_source

DEPTH = sorted((Path(__file__).parent / "depth").glob("*.py"))

# Markers the analysis does not find yet, each said in ``depth/README.md`` (the seventh set):
# a file's findings are its markers but these. A miss that becomes a finding fails too, so
# that this list is kept true.
KNOWN_MISSES = {
    "wsk_rpc_session_types.py": {(33, "WSK102")},  # a tuple of prototypes indexed by a class constant
    "wsk_protocol_generic.py": {(72, "WSK203")},  # a Generic[T] holder's get() of Slot[socket.socket]
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
