"""LibCST's parse in parts (``parsing``): the same module, byte for byte, and the same findings."""

from __future__ import annotations

import libcst as cst
import pytest

from conftest import case_files
from flake8_winsock import analysis, parsing

SECTION = '''\
# section {n}: the comment before a statement belongs to it
@decorated({n})
def f{n}(sock):
    """A function."""
    if sock:
        return os.write(sock.fileno(), b"{n}")  # trailing comment
a{n} = 1; b{n} = 2


class C{n}:
    x = ({n},
         {n})

'''


def long_text(sections: int, newline: str = "\n") -> str:
    text = "import os\n\n" + "".join(SECTION.format(n=n) for n in range(sections)) + "# the end\n"
    return text.replace("\n", newline)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_long_text_is_parsed_in_parts_into_the_same_code(newline: str, monkeypatch) -> None:
    monkeypatch.setattr(parsing, "PART", 2_000)
    text = long_text(100, newline)
    assert len(parsing._cuts(text) or []) > 10  # it was cut
    module = parsing._in_parts(text)
    assert module is not None and module.code == text
    whole = cst.parse_module(text)
    assert [type(s) for s in module.body] == [type(s) for s in whole.body]
    assert module.default_newline == whole.default_newline and module.default_indent == whole.default_indent


def test_parts_that_disagree_on_the_indentation_are_parsed_whole(monkeypatch) -> None:
    monkeypatch.setattr(parsing, "PART", 2_000)
    text = long_text(40) + long_text(40).replace("    ", "\t")
    assert parsing._in_parts(text) is None
    assert parsing.parse(text).code == text


def test_a_part_libcst_refuses_leaves_the_whole_text_to_decide(monkeypatch) -> None:
    monkeypatch.setattr(parsing, "PART", 2_000)
    text = long_text(40) + "x = () if 0 else(lambda:())\n" + long_text(40)
    assert parsing._in_parts(text) is None


def test_findings_are_the_same_parsed_in_parts(monkeypatch) -> None:
    """Every eval file, parsed in parts of one statement each and parsed whole."""
    cut = 0
    for path in case_files():
        text = path.read_text(encoding="utf-8")
        whole = analysis.analyse(text)
        monkeypatch.setattr(parsing, "PART", 1)
        parts = analysis.analyse(text)
        cut += parsing._in_parts(text) is not None
        monkeypatch.setattr(parsing, "PART", 100_000)
        assert parts == whole, path.name
    assert cut >= len(case_files()) * 9 // 10, f"{cut} of {len(case_files())} parsed in parts"
