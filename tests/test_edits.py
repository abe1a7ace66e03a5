"""Fixes as text edits: offsets, overlapping fixes, rounds composed, and the diff."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flake8_winsock.edits import Edit, Rewrite, apply, choose, fix_edits, line_starts, split_lines, unified_diff
from flake8_winsock.finding import Finding, Fix

PROPERTY = settings(max_examples=150, deadline=None)


def test_lines_end_only_where_python_ends_them() -> None:
    text = "a\r\nb\rc\nd\x0ce\x1cf\x85g\u2028h"
    assert split_lines(text) == ["a\r\n", "b\r", "c\n", "d\x0ce\x1cf\x85g\u2028h"]
    assert line_starts(text) == [0, 3, 5, 7, len(text)]


def test_fix_spans_count_characters_of_the_line() -> None:
    text = "x = 'caf\u00e9'; os.close(s.fileno())\r\ny = 1\r"
    finding = Finding("WSK205", 1, 12, "", 1, 32, Fix("s.close()", True))
    assert apply(text, fix_edits(text, [finding])) == "x = 'caf\u00e9'; s.close()\r\ny = 1\r"
    beyond = Finding("WSK205", 1, 12, "", 1, 99, Fix("s.close()", True))  # past the line's end: no edit
    assert fix_edits(text, [beyond, Finding("WSK205", 1, 0, ""), replace_line(finding, 9)]) == []


def replace_line(finding: Finding, line: int) -> Finding:
    return Finding(finding.code, line, finding.col, finding.text, line, finding.end_col, finding.fix)


def test_overlapping_edits_are_left_for_the_next_round() -> None:
    outer, inner, after = Edit(0, 20, "OUTER"), Edit(5, 10, "inner"), Edit(20, 22, "!")
    assert choose([inner, outer, after]) == ([inner, after], 1)  # from last to first: the inner one wins
    assert choose([Edit(3, 3, "a"), Edit(3, 3, "b")])[1] == 1  # two insertions at one place
    assert choose([Edit(0, 3, "a"), Edit(3, 5, "b")]) == ([Edit(0, 3, "a"), Edit(3, 5, "b")], 0)  # touching


def test_rounds_compose_into_edits_of_the_original() -> None:
    original = "os.write(t.fileno(), os.read(s.fileno(), 10))\n"
    rewrite = Rewrite(original)
    rewrite.make([Edit(0, 45, "t.send(os.read(s.fileno(), 10))")])
    start = rewrite.text.index("os.read")
    rewrite.make([Edit(start, start + len("os.read(s.fileno(), 10)"), "s.recv(10)")])
    assert rewrite.text == "t.send(s.recv(10))\n"
    assert rewrite.edits() == [Edit(0, 45, "t.send(s.recv(10))")]
    assert apply(original, rewrite.edits()) == rewrite.text


def test_the_diff_says_when_a_line_has_no_line_ending() -> None:
    original = "a\nb\nc"
    diff = unified_diff("m.py", original, [Edit(4, 5, "C")])
    assert diff == "--- m.py\n+++ m.py\n@@ -1,3 +1,3 @@\n a\n b\n-c\n\\ No newline at end of file\n+C\n\\ No newline at end of file\n"


# --- Properties ---------------------------------------------------------------------------

LINE_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
TEXTS = st.lists(st.tuples(st.text("ab \u00e9\x0c", max_size=6), LINE_ENDINGS), max_size=30).map(
    lambda lines: "".join(body + end for body, end in lines)
) | st.text("ab\n\r\u00e9", max_size=60)


@st.composite
def edits_of(draw: st.DrawFn, text: str) -> list[Edit]:
    """Some edits of ``text``, overlapping ones included."""
    edits = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 12)))
        edits.append(Edit(start, end, draw(st.text("xyz\n\r", max_size=8))))
    return edits


def patched(original: str, diff: str) -> str:
    """``original`` with a unified diff applied (a small ``patch``, for the test)."""
    old = split_lines(original)
    new: list[str] = []
    position = 0
    lines = split_lines(diff)[2:]
    i = 0
    while i < len(lines):
        match = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", lines[i])
        assert match, lines[i]
        start = int(match[1]) - (1 if match[2] != "0" else 0)
        new += old[position:start]
        position = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            mark, body = lines[i][0], lines[i][1:]
            if i + 1 < len(lines) and lines[i + 1].startswith("\\ No newline"):
                body = body[:-1]
                i += 1
            if mark in " -":
                assert old[position] == body, (old[position], body)
                position += 1
            if mark in " +":
                new.append(body)
            i += 1
    return "".join(new + old[position:])


@PROPERTY
@given(st.data(), TEXTS)
def test_rounds_of_edits_are_one_list_of_edits_and_its_diff_patches_the_original(data: st.DataObject, original: str) -> None:
    rewrite = Rewrite(original)
    for _ in range(data.draw(st.integers(1, 3))):
        chosen, _ = choose(data.draw(edits_of(rewrite.text)))
        rewrite.make(chosen)
    edits = rewrite.edits()
    assert apply(original, edits) == rewrite.text
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))
    diff = unified_diff("m.py", original, edits)
    assert (diff == "") == (rewrite.text == original)
    assert patched(original, diff) == rewrite.text


@pytest.mark.skipif(subprocess.run(["patch", "--version"], capture_output=True).returncode != 0, reason="no patch")
def test_patch_applies_the_diff(tmp_path: Path) -> None:
    original = "".join(f"line {i}\r\n" for i in range(40)) + "last"
    edits = [Edit(8, 9, "ONE"), Edit(len(original) - 4, len(original), "LAST")]
    (tmp_path / "m.py").write_bytes(original.encode())
    (tmp_path / "fix.diff").write_bytes(unified_diff("m.py", original, edits).encode())
    result = subprocess.run(["patch", "-s", "m.py", "fix.diff"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "m.py").read_bytes() == apply(original, edits).encode()


def test_edits_that_undo_each_other_give_no_diff() -> None:
    edits = [Edit(0, 0, "\n"), Edit(1, 2, "")]  # a line ending added, another removed
    assert apply("\n\n", edits) == "\n\n"
    assert unified_diff("m.py", "\n\n", edits) == ""
