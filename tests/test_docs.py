"""The documentation: every rule has a page, and the examples on it are true.

The rule pages are generated from ``flake8_winsock.rules.RULES`` by
``docs/_ext/rule_pages.py``; the examples on them are the rule table's ``example``
(which the analysis must report with that rule's code) and ``use_instead`` (which it
must not). One test builds the whole site with Sphinx, warnings as errors; it needs
the ``docs`` extra, which the README's test command and ``.ci/run`` install.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_winsock import check_source
from flake8_winsock.rules import RULES, rule_markdown

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "References")
GUIDES = (
    "index",
    "quickstart",
    "configuration",
    "command",
    "pre-commit",
    "github-actions",
    "ruff",
    "options",
    "how-it-works",
    "benchmarks",
    "changelog",
)
CODES = sorted(RULES)


def _load_generator():
    spec = importlib.util.spec_from_file_location("rule_pages", DOCS / "_ext" / "rule_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("code", CODES)
def test_example_is_reported(code: str) -> None:
    rule = RULES[code]
    codes = [finding.code for finding in check_source(rule.example, f"{code}_example.py")]
    assert code in codes, f"{code}'s example is not reported with {code}; got {codes}"


@pytest.mark.parametrize("code", CODES)
def test_use_instead_is_not_reported(code: str) -> None:
    rule = RULES[code]
    codes = [finding.code for finding in check_source(rule.use_instead, f"{code}_use_instead.py")]
    assert code not in codes, f"{code}'s 'use instead' is reported with {code}"


@pytest.mark.parametrize("code", CODES)
def test_rule_markdown_has_every_section(code: str) -> None:
    rule = RULES[code]
    text = rule_markdown(rule)
    assert text.startswith(f"# {code}: {rule.name}\n")
    positions = [text.index(f"\n## {section}\n") for section in SECTIONS]
    assert positions == sorted(positions), "sections out of order"
    for part in (rule.what, rule.why, rule.example.rstrip(), rule.use_instead.rstrip(), rule.fix_safety):
        assert part in text
    for family, replacement in rule.alternatives:
        assert family in text and replacement in text
    for _title, url in rule.references:
        assert url in text


def test_generator_writes_a_page_per_code(tmp_path: Path) -> None:
    generator = _load_generator()
    stale = tmp_path / "WSK999.md"
    generator.write_pages(tmp_path)
    stale.write_text((tmp_path / f"{CODES[0]}.md").read_text(encoding="utf-8"), encoding="utf-8")
    handwritten = tmp_path / "notes.md"
    handwritten.write_text("# kept\n", encoding="utf-8")

    written = generator.write_pages(tmp_path)

    assert {path.name for path in written} == {f"{code}.md" for code in CODES} | {"index.md"}
    assert not stale.exists(), "a page for a code no longer in the table must go"
    assert handwritten.exists(), "only generated pages are removed"
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    for code in CODES:
        assert (tmp_path / f"{code}.md").read_text(encoding="utf-8").endswith(rule_markdown(RULES[code]))
        assert f"[{code}]({code}.md)" in index


def test_generated_pages_are_not_committed() -> None:
    ignore = (DOCS / ".gitignore").read_text(encoding="utf-8").split()
    assert "rules/*.md" in ignore and "_build/" in ignore


def _sphinx_available() -> None:
    missing = [m for m in ("sphinx", "myst_parser", "furo") if importlib.util.find_spec(m) is None]
    assert not missing, f"the docs extra is not installed ({missing}): pip install \".[test,docs]\""


def test_sphinx_build(tmp_path: Path) -> None:
    """The real build, warnings as errors: a page per code, with ruff's sections."""
    _sphinx_available()
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-E", "-q", "-b", "html",
         "-d", str(tmp_path / "doctrees"), str(DOCS), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for guide in GUIDES:
        assert (out / f"{guide}.html").is_file(), guide
    index = (out / "rules" / "index.html").read_text(encoding="utf-8")
    for code in CODES:
        page = out / "rules" / f"{code}.html"
        assert page.is_file(), f"no page for {code}"
        html = page.read_text(encoding="utf-8")
        for section in SECTIONS:
            assert section in html, f"{code}: no '{section}' section"
        assert f'href="{code}.html"' in index, f"the rules index does not link {code}"


def test_readme_lists_every_rule() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert [code for code in sorted(RULES) if f"| {code} |" not in readme] == []
